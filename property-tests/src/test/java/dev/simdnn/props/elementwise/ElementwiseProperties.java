package dev.simdnn.props.elementwise;

import dev.simdnn.core.Activation;
import dev.simdnn.core.ActivationReference;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.props.arb.Floats;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Element-wise kernels, Vector API vs scalar twin vs double reference, on lengths 0..300 (every tail of
 * 16-lane loops) and inputs with ±0, kinks and large magnitudes. Bounds as in core-simd's ActivationTest:
 * {@code 8·ulp(ref) + 8·2^-24·max(1, |v|)} per element, for each twin.
 */
class ElementwiseProperties {
    private static final KernelProvider SCALAR = KernelProviders.scalar();
    private static final KernelProvider PANAMA = KernelProviders.panama();

    @Provide
    Arbitrary<List<Float>> inputs() {
        return Floats.activationInputs().list().ofMaxSize(300);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void activationTwinsAgreeWithTheDoubleReference(@ForAll Activation a, @ForAll("inputs") List<Float> values) {
        float[] x = Floats.toArray(values);
        int n = x.length;
        Statistics.label("length mod 16").collect(n % 16 == 0 ? "whole vectors" : "tail");
        float alpha = a.hasAlpha() ? a.defaultAlpha() : Float.NaN;
        float[] ys = new float[n], yp = new float[n];
        SCALAR.activations().forward(a, alpha, n, x, 0, ys, 0);
        PANAMA.activations().forward(a, alpha, n, x, 0, yp, 0);
        for (int i = 0; i < n; i++) {
            double ref = ActivationReference.f(a, alpha, x[i]);
            double bound = 8 * Math.ulp((float) ref) + 8 * 0x1p-24 * Math.max(1, Math.abs(x[i]));
            for (float y : new float[] {ys[i], yp[i]}) {
                if (!(Math.abs(y - ref) <= bound) && !(Double.isInfinite(ref) && y == ref)) {
                    fail(a + "(" + x[i] + "): scalar " + ys[i] + ", vector " + yp[i] + ", reference " + ref);
                }
            }
        }
        assertArrayEquals(ys, yp, a + ": twins bitwise equal (FloatMath is plain arithmetic in both)");
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void backwardTwinsAgreeAndMatchCentralDifferencesAwayFromKinks(@ForAll Activation a,
                                                                   @ForAll("inputs") List<Float> values) {
        float alpha = a.hasAlpha() ? a.defaultAlpha() : Float.NaN;
        float[] v = Floats.toArray(values.stream().filter(f -> Math.abs(f) <= 8
                && ActivationReference.distanceToKink(a, f) >= 0.01).toList());
        int n = v.length;
        float[] y = new float[n], dy = new float[n], gs = new float[n], gp = new float[n];
        java.util.Arrays.fill(dy, 1f);
        SCALAR.activations().forward(a, alpha, n, v, 0, y, 0);
        float[] cached = a.derivativeFromOutput() ? y : v;
        SCALAR.activations().backward(a, alpha, n, cached, 0, dy, 0, gs, 0);
        PANAMA.activations().backward(a, alpha, n, cached, 0, dy, 0, gp, 0);
        for (int i = 0; i < n; i++) {
            double num = ActivationReference.numericDerivative(a, alpha, v[i]);
            for (float g : new float[] {gs[i], gp[i]}) {
                if (!(Math.abs(g - num) <= 2e-5 * (1 + Math.abs(num)))) {
                    fail(a + "'(" + v[i] + "): scalar " + gs[i] + ", vector " + gp[i] + ", central difference " + num);
                }
            }
        }
        assertArrayEquals(gs, gp, a + "': twins bitwise equal");
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void softmaxRowsSumToOneForAnyLogits(@ForAll @IntRange(min = 1, max = 300) int cols,
                                        @ForAll @FloatRange(min = 0.01f, max = 1e4f) float spread, @ForAll long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int rows = 3;
        float[] x = new float[rows * cols], y = new float[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble(-1, 1) * spread);
        for (KernelProvider p : List.of(SCALAR, PANAMA)) {
            p.losses().softmax(rows, cols, x, 0, y, 0);
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    float v = y[r * cols + j];
                    assertTrue(v >= 0f && v <= 1f, "probability " + v);
                    sum += v;
                }
                assertEquals(1.0, sum, 8 * cols * 0x1p-24, p.backend() + " cols=" + cols + " spread=" + spread);
            }
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void batchNormOutputHasMeanBetaAndStdGammaOnBothTwins(@ForAll @IntRange(min = 2, max = 64) int rows,
                                                          @ForAll @IntRange(min = 1, max = 70) int cols,
                                                          @ForAll long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        float[] x = new float[rows * cols], gamma = new float[cols], beta = new float[cols];
        for (int c = 0; c < cols; c++) {
            gamma[c] = (float) rnd.nextDouble(0.5, 2);
            beta[c] = (float) rnd.nextDouble(-2, 2);
            double mu = rnd.nextDouble(-100, 100), sd = rnd.nextDouble(0.5, 10);
            for (int r = 0; r < rows; r++) x[r * cols + c] = (float) (mu + sd * rnd.nextGaussian());
        }
        float[][] outs = new float[2][];
        int t = 0;
        for (KernelProvider p : List.of(SCALAR, PANAMA)) {
            float[] y = new float[x.length], xhat = new float[x.length], m = new float[cols], v = new float[cols],
                    inv = new float[cols];
            p.batchNorm().forwardTraining(rows, cols, x, 0, gamma, 0, beta, 0, 1e-5f, y, 0, xhat, 0, m, v, inv);
            for (int c = 0; c < cols; c++) {
                double mean = 0, sq = 0, maxAbs = 0;
                for (int r = 0; r < rows; r++) {
                    mean += y[r * cols + c];
                    maxAbs = Math.max(maxAbs, Math.abs(x[r * cols + c]));
                }
                mean /= rows;
                for (int r = 0; r < rows; r++) sq += Math.pow(y[r * cols + c] - mean, 2);
                double sd = Math.sqrt(sq / rows), var = v[c];
                // Float rounding of x − μ is ~ulp(max|x|); normalised it becomes ulp·invStd (large when the batch's
                // spread is small next to its mean, e.g. two close samples near ±100).
                double centring = 4 * gamma[c] * Math.ulp((float) maxAbs) * inv[c];
                assertEquals(beta[c], mean, 1e-4 * Math.max(1, gamma[c]) + centring, p.backend() + " mean of feature " + c);
                assertEquals(gamma[c] * Math.sqrt(var / (var + 1e-5)), sd, 2e-4 * gamma[c] + centring, p.backend() + " std");
            }
            outs[t++] = y;
        }
        assertArrayEquals(outs[0], outs[1], "batch norm twins are bitwise equal");
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void dropoutMaskDoesNotDependOnHowTheRangeIsSplit(@ForAll @IntRange(min = 0, max = 3000) int n,
                                                      @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 3000) Integer> cuts,
                                                      @ForAll @FloatRange(min = 0.05f, max = 1f) float keep,
                                                      @ForAll long seed) {
        float[] whole = new float[n], pieces = new float[n];
        SCALAR.dropout().mask(n, keep, seed, 0, whole, 0);
        int[] bounds = java.util.stream.IntStream.concat(cuts.stream().mapToInt(c -> Math.min(c, n)),
                java.util.stream.IntStream.of(0, n)).distinct().sorted().toArray();
        for (int i = 0; i + 1 < bounds.length; i++) {
            KernelProvider p = i % 2 == 0 ? PANAMA : SCALAR;          // alternate twins across the pieces too
            p.dropout().mask(bounds[i + 1] - bounds[i], keep, seed, bounds[i], pieces, bounds[i]);
        }
        assertArrayEquals(whole, pieces);
    }
}
