package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.elementwise.ActivationKernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Activations on both twins. Forward bound against the double reference:
 * {@code |y - f(v)| <= 8·ulp(f(v)) + 8·2^-24·max(1, |v|)} (the second term covers cancellation in GELU's
 * 1 + tanh(u) and 1 - y² for saturated tanh). Backward: against central differences of the double forward,
 * {@code |g - g_num| <= 2e-5·(1 + |g_num|)}, inputs at least 0.01 away from kinks.
 */
class ActivationTest {
    /** Special inputs: ±0, kinks, large magnitudes, NaN and infinities. */
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 100f, -100f, 30f, -30f, 1e-30f, -1e-30f,
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.7f, -88.7f, 1e7f, -1e7f};

    private static float alpha(Activation a) {
        return a == Activation.LEAKY_RELU ? 0.1f : a == Activation.ELU ? 0.7f : a.defaultAlpha();
    }

    private static float[] inputs(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < SPECIAL.length && n > 40 ? SPECIAL[i] : (float) (rnd.nextDouble(-1, 1) * (rnd.nextBoolean() ? 4 : 40));
        }
        return x;
    }

    @Test
    void forwardMatchesTheDoubleReferenceOnEveryLengthAndSpecialValue() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (KernelProvider p : TwinProviders.all()) {
            for (Activation a : Activation.values()) {
                for (int n : TwinProviders.SIZES) {
                    float[] x = inputs(rnd, n);
                    float[] y = new float[n + 2];
                    p.activations().forward(a, alpha(a), n, x, 0, y, 1);
                    for (int i = 0; i < n; i++) {
                        double ref = ActivationReference.f(a, alpha(a), x[i]);
                        float got = y[1 + i];
                        if (Double.isNaN(ref)) {
                            assertTrue(Float.isNaN(got), p.backend() + " " + a + "(" + x[i] + ") = " + got);
                            continue;
                        }
                        if (Double.isInfinite(ref)) {
                            assertEquals((float) ref, got, p.backend() + " " + a + "(" + x[i] + ")");
                            continue;
                        }
                        double bound = 8 * Math.ulp((float) ref) + 8 * 0x1p-24 * Math.max(1, Math.abs(x[i]));
                        if (!(Math.abs(got - ref) <= bound)) {
                            fail(p.backend() + " " + a + "(" + x[i] + ") = " + got + ", reference " + ref);
                        }
                    }
                    assertEquals(0f, y[0]);
                    assertEquals(0f, y[n + 1]);
                }
            }
        }
    }

    @Test
    void kinkConventions() {
        for (KernelProvider p : TwinProviders.all()) {
            ActivationKernels k = p.activations();
            float[] at = {0f, 1f, -1f}, ones = {1f, 1f, 1f}, g = new float[3];
            k.backward(Activation.RELU, Float.NaN, 3, at, 0, ones, 0, g, 0);
            assertArrayEquals(new float[] {0f, 1f, 0f}, g, 0f, "ReLU'(0) = 0 (a zero of either sign)");
            k.backward(Activation.HARD_TANH, Float.NaN, 3, at, 0, ones, 0, g, 0);
            assertArrayEquals(new float[] {1f, 0f, 0f}, g, 0f, "hard tanh passes only strictly inside (-1, 1)");
            k.backward(Activation.LEAKY_RELU, 0.1f, 3, at, 0, ones, 0, g, 0);
            assertArrayEquals(new float[] {0.1f, 1f, 0.1f}, g, "leaky ReLU uses alpha at v <= 0");
            float[] big = {100f, -100f, 0f};
            float[] s = new float[3];
            k.forward(Activation.SIGMOID, Float.NaN, 3, big, 0, s, 0);
            assertArrayEquals(new float[] {1f, 0f, 0.5f}, s, 0x1p-24f, "sigmoid stable at +-100");
            assertTrue(s[1] >= 0f && s[1] < 1e-40f, "sigmoid(-100) is a tiny positive number, not NaN");
        }
    }

    /** The vector loops' compare-and-blend forms of ReLU and hard tanh keep Math.max/min's zero and NaN rules. */
    @Test
    void piecewiseForwardKeepsSignedZerosAndNaNInTheVectorLoop() {
        float[] x = {-0f, 0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -1e-30f, 1e-30f, -3f,
            -1f, 1f, Math.nextDown(-1f), Math.nextUp(1f), 0.5f, -0.5f, Float.intBitsToFloat(0xFFC00000), 7f};
        for (KernelProvider p : TwinProviders.all()) {
            float[] relu = new float[x.length], hardTanh = new float[x.length];
            p.activations().forward(Activation.RELU, Float.NaN, x.length, x, 0, relu, 0);
            p.activations().forward(Activation.HARD_TANH, Float.NaN, x.length, x, 0, hardTanh, 0);
            for (int i = 0; i < x.length; i++) {
                assertBits(Math.max(0f, x[i]), relu[i], p.backend() + " ReLU(" + x[i] + ")");
                assertBits(Math.min(1f, Math.max(-1f, x[i])), hardTanh[i],
                        p.backend() + " hard tanh(" + x[i] + ")");
            }
        }
    }

    private static void assertBits(float expected, float got, String what) {
        if (Float.isNaN(expected)) {
            assertTrue(Float.isNaN(got), what + " = " + got);
        } else {
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got), what + " = " + got);
        }
    }

    @Test
    void backwardMatchesCentralDifferencesOfTheForward() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (KernelProvider p : TwinProviders.all()) {
            for (Activation a : Activation.values()) {
                int n = 257;
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    do {
                        v[i] = (float) rnd.nextDouble(-6, 6);
                    } while (ActivationReference.distanceToKink(a, v[i]) < 0.01);
                }
                float[] y = new float[n], dy = new float[n], g = new float[n];
                java.util.Arrays.fill(dy, 1f);
                p.activations().forward(a, alpha(a), n, v, 0, y, 0);
                p.activations().backward(a, alpha(a), n, a.derivativeFromOutput() ? y : v, 0, dy, 0, g, 0);
                for (int i = 0; i < n; i++) {
                    double num = ActivationReference.numericDerivative(a, alpha(a), v[i]);
                    if (!(Math.abs(g[i] - num) <= 2e-5 * (1 + Math.abs(num)))) {
                        fail(p.backend() + " " + a + "'(" + v[i] + ") = " + g[i] + ", central difference " + num);
                    }
                }
            }
        }
    }

    @Test
    void fusedBackwardWithBiasGradientEqualsTheUnfusedComposition() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (KernelProvider p : TwinProviders.all()) {
            for (Activation a : Activation.values()) {
                for (int[] shape : new int[][] {{1, 1}, {3, 17}, {17, 33}, {64, 100}}) {
                    int rows = shape[0], cols = shape[1], n = rows * cols;
                    float[] c = inputs(rnd, n + 1), dy = inputs(rnd, n + 2);
                    for (int i = 0; i < dy.length; i++) {
                        if (!Float.isFinite(dy[i])) dy[i] = 1f;
                    }
                    float[] dz = new float[n], bias = new float[cols + 1];
                    p.activations().backwardWithBiasGradient(a, alpha(a), rows, cols, c, 1, dy, 2, dz, 0, bias, 1);
                    float[] dzPlain = new float[n];
                    p.activations().backward(a, alpha(a), n, c, 1, dy, 2, dzPlain, 0);
                    assertArrayEquals(dzPlain, dz, p.backend() + " " + a);
                    for (int j = 0; j < cols; j++) {
                        float sum = 0f;
                        for (int r = 0; r < rows; r++) {
                            sum += dz[r * cols + j];
                        }
                        assertEquals(sum, bias[1 + j], p.backend() + " " + a + " column " + j);
                    }
                }
            }
        }
    }

    @Test
    void nanPropagatesForwardAndBackward() {
        for (KernelProvider p : TwinProviders.all()) {
            for (Activation a : Activation.values()) {
                for (int n : new int[] {3, 40}) {
                    float[] x = new float[n], y = new float[n], one = new float[n], g = new float[n];
                    java.util.Arrays.fill(one, 1f);
                    x[1] = Float.NaN;
                    p.activations().forward(a, alpha(a), n, x, 0, y, 0);
                    assertTrue(Float.isNaN(y[1]), p.backend() + " " + a + " forward");
                    p.activations().backward(a, alpha(a), n, a.derivativeFromOutput() ? y : x, 0, one, 0, g, 0);
                    if (a != Activation.IDENTITY) {     // identity' = 1 does not read its input
                        assertTrue(Float.isNaN(g[1]), p.backend() + " " + a + " backward of a NaN input");
                    }
                    one[2] = Float.NaN;
                    p.activations().backward(a, alpha(a), n, new float[n], 0, one, 0, g, 0);
                    assertTrue(Float.isNaN(g[2]), p.backend() + " " + a + " backward of a NaN gradient");
                }
            }
        }
    }

    @Test
    void gemmEpilogueFusesEveryActivation() {
        SplittableRandom rnd = new SplittableRandom(24);
        int m = 37, n = 70, k = 50;
        float[] x = inputs(rnd, m * k), w = inputs(rnd, k * n), bias = inputs(rnd, n);
        for (float[] arr : new float[][] {x, w, bias}) {
            for (int i = 0; i < arr.length; i++) arr[i] = Float.isFinite(arr[i]) ? arr[i] / 40 : 0.5f;
        }
        for (KernelProvider p : TwinProviders.all()) {
            for (Activation a : Activation.values()) {
                float[] fused = new float[m * n], pre = new float[m * n], plain = new float[m * n];
                p.gemm().sgemm(false, false, m, n, k, 1f, x, 0, k, w, 0, n, 0f, fused, 0, n,
                        Epilogue.of(a, alpha(a)).withBias(bias, 0).keepingPreActivation(pre, 0, n), 2);
                p.gemm().sgemm(false, false, m, n, k, 1f, x, 0, k, w, 0, n, 0f, plain, 0, n, Epilogue.NONE, 1);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        plain[i * n + j] += bias[j];
                    }
                }
                assertArrayEquals(plain, pre, p.backend() + " " + a + " pre-activation");
                p.activations().forward(a, alpha(a), m * n, plain, 0, plain, 0);
                assertArrayEquals(plain, fused, p.backend() + " " + a);
            }
        }
    }

    /**
     * The Vector API kernels and the scalar twins give the same bits, forward and backward (with and without the
     * fused bias gradient), for every activation, on every tail length, on random inputs of both magnitudes and on
     * the special values (±0, kinks, ±100, ±88.7, NaN, ±∞).
     */
    @Test
    void twinsGiveTheSameBits() {
        if (!KernelProviders.panamaAvailable()) {
            return;     // the scalar-fallback run has one backend only; the main run requires Panama
        }
        ActivationKernels scalar = KernelProviders.scalar().activations(), panama = KernelProviders.panama().activations();
        SplittableRandom rnd = new SplittableRandom(25);
        for (Activation a : Activation.values()) {
            for (int n : TwinProviders.SIZES) {
                float[] x = inputs(rnd, n), dy = inputs(rnd, n);
                float[][] y = new float[2][n], g = new float[2][n];
                scalar.forward(a, alpha(a), n, x, 0, y[0], 0);
                panama.forward(a, alpha(a), n, x, 0, y[1], 0);
                assertArrayEquals(y[0], y[1], a + " forward, n = " + n);
                float[] cached = a.derivativeFromOutput() ? y[0] : x;
                scalar.backward(a, alpha(a), n, cached, 0, dy, 0, g[0], 0);
                panama.backward(a, alpha(a), n, cached, 0, dy, 0, g[1], 0);
                assertArrayEquals(g[0], g[1], a + " backward, n = " + n);
                int cols = Math.max(1, n / 3), rows = n / cols;
                float[][] dz = new float[2][rows * cols], bias = new float[2][cols];
                scalar.backwardWithBiasGradient(a, alpha(a), rows, cols, cached, 0, dy, 0, dz[0], 0, bias[0], 0);
                panama.backwardWithBiasGradient(a, alpha(a), rows, cols, cached, 0, dy, 0, dz[1], 0, bias[1], 0);
                assertArrayEquals(dz[0], dz[1], a + " fused backward, " + rows + "x" + cols);
                assertArrayEquals(bias[0], bias[1], a + " bias gradient, " + rows + "x" + cols);
            }
        }
    }

    /**
     * The same, on every 997th float of [−110, 110] (2.3·10⁶ inputs, covering every branch of exp, expm1, tanh and
     * log1p): each transcendental activation forward and, from the input, backward.
     */
    @Test
    void twinsGiveTheSameBitsOnEveryStridedFloat() {
        if (!KernelProviders.panamaAvailable()) {
            return;
        }
        int top = Float.floatToRawIntBits(110f) / 997;
        float[] x = new float[2 * top + 1];
        for (int i = 0; i <= top; i++) {
            x[top + i] = Float.intBitsToFloat(i * 997);
            x[top - i] = -x[top + i];
        }
        float[] ones = new float[x.length];
        java.util.Arrays.fill(ones, 1f);
        for (Activation a : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.ELU, Activation.SOFTPLUS,
            Activation.GELU}) {
            float[][] y = new float[2][x.length];
            int i = 0;
            for (KernelProvider p : new KernelProvider[] {KernelProviders.scalar(), KernelProviders.panama()}) {
                p.activations().forward(a, alpha(a), x.length, x, 0, y[i++], 0);
            }
            assertArrayEquals(y[0], y[1], a + " forward");
            if (!a.derivativeFromOutput()) {
                i = 0;
                for (KernelProvider p : new KernelProvider[] {KernelProviders.scalar(), KernelProviders.panama()}) {
                    p.activations().backward(a, alpha(a), x.length, x, 0, ones, 0, y[i++], 0);
                }
                assertArrayEquals(y[0], y[1], a + " backward");
            }
        }
    }

    @Test
    void facadeRejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.forward(Activation.ELU, Float.NaN, 1, new float[1], 0, new float[1], 0));
        assertEquals("alpha for ELU must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Activations.backwardWithBiasGradient(Activation.RELU, 0f, 2, 3, new float[6], 0, new float[6], 0,
                        new float[6], 0, new float[2], 0));
        assertEquals("dBias: offset 0 + 3 elements exceeds its length 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Epilogue.of(Activation.LEAKY_RELU, Float.POSITIVE_INFINITY));
    }
}
