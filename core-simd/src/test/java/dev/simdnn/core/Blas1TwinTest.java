package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each level-1 kernel, on each provider, against a double-precision reference, over every tail length.
 * Reductions: {@code |got - exact| <= n·2^-24·Σ|terms| + tiny} (the recursive-summation bound).
 * Elementwise: one fma per element, so bitwise equal to the correctly rounded float of the double result.
 */
class Blas1TwinTest {
    private static final double U = 0x1p-24;
    private static final int OFF = 3;

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n + 2 * OFF];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static void assertWithinSumBound(double exact, double absSum, int n, float got, String what) {
        double bound = Math.max(n, 1) * U * absSum + Float.MIN_NORMAL;
        assertTrue(Math.abs(got - exact) <= bound,
                () -> what + ": got " + got + ", exact " + exact + ", error " + Math.abs(got - exact) + " > " + bound);
    }

    @Test
    void reductionsAgreeWithDoubleReference() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (KernelProvider provider : TwinProviders.all()) {
            Blas1Kernels k = provider.blas1();
            for (int n : TwinProviders.SIZES) {
                float[] x = random(rnd, n), y = random(rnd, n);
                double dot = 0, dotAbs = 0, sum = 0, sumAbs = 0, sq = 0;
                for (int i = 0; i < n; i++) {
                    double p = (double) x[OFF + i] * y[OFF + i];
                    dot += p;
                    dotAbs += Math.abs(p);
                    sum += x[OFF + i];
                    sumAbs += Math.abs(x[OFF + i]);
                    sq += (double) x[OFF + i] * x[OFF + i];
                }
                String at = provider.backend() + " n=" + n;
                assertWithinSumBound(dot, dotAbs, n, k.dot(n, x, OFF, y, OFF), "dot " + at);
                assertWithinSumBound(sum, sumAbs, n, k.sum(n, x, OFF), "sum " + at);
                assertWithinSumBound(sq, sq, n, k.sumOfSquares(n, x, OFF), "sumOfSquares " + at);
            }
        }
    }

    @Test
    void elementwiseKernelsRoundOncePerElementAndStayInRange() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (KernelProvider provider : TwinProviders.all()) {
            Blas1Kernels k = provider.blas1();
            for (int n : TwinProviders.SIZES) {
                float[] x = random(rnd, n), y = random(rnd, n);
                float[] y0 = y.clone(), x0 = x.clone();
                float a = (float) rnd.nextDouble(-2, 2);
                k.axpy(n, a, x, OFF, y, OFF);
                k.scale(n, a, x, OFF);
                for (int i = 0; i < y.length; i++) {
                    boolean inside = i >= OFF && i < OFF + n;
                    float expectY = inside ? (float) ((double) a * x0[i] + y0[i]) : y0[i];
                    float expectX = inside ? (float) ((double) a * x0[i]) : x0[i];
                    assertEquals(expectY, y[i], provider.backend() + " axpy n=" + n + " i=" + i);
                    assertEquals(expectX, x[i], provider.backend() + " scale n=" + n + " i=" + i);
                }
            }
        }
    }

    @Test
    void nanAndInfinityPropagate() {
        for (KernelProvider provider : TwinProviders.all()) {
            for (int n : new int[] {5, 100}) {
                float[] x = new float[n];
                java.util.Arrays.fill(x, 1f);
                x[n - 2] = Float.NaN;
                assertTrue(Float.isNaN(provider.blas1().sum(n, x, 0)), provider.backend() + " n=" + n);
                x[n - 2] = Float.POSITIVE_INFINITY;
                assertEquals(Float.POSITIVE_INFINITY, provider.blas1().sumOfSquares(n, x, 0));
            }
        }
    }

    @Test
    void facadeNamesTheBadArgument() {
        float[] four = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Blas1.dot(4, four, 1, four, 0));
        assertEquals("x: offset 1 + 4 elements exceeds its length 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas1.sum(-1, four, 0));
        assertEquals("n must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Blas1.axpy(2, 1f, four, 0, null, 0));
        assertEquals("y must not be null", e.getMessage());
        assertEquals(0f, Blas1.sum(0, four, 4));
    }
}
