package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.blas1.Blas1Kernels;

/**
 * Level-1 vector operations on {@code float[]} ranges, run on the {@linkplain Backend#active() active
 * backend}. Arguments are validated here; {@link IllegalArgumentException} names the bad one.
 *
 * <p>Reductions accumulate in float with several independent partial sums (see {@link Blas1Kernels} for
 * the order). The error bound is the usual one for recursive summation: {@code |s - exact| <= n·u·Σ|x_i|}
 * with {@code u = 2^-24}; in practice the blocked order is much tighter. NaN and infinities propagate.
 */
public final class Blas1 {
    private Blas1() {}

    private static Blas1Kernels kernels() {
        return KernelProviders.active().blas1();
    }

    /** Σ x[xOff+i]·y[yOff+i] for i in [0, n). */
    public static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        checkPair(n, x, xOff, y, yOff);
        return kernels().dot(n, x, xOff, y, yOff);
    }

    /** Σ x[off+i] for i in [0, n). */
    public static float sum(int n, float[] x, int off) {
        checkOne(n, x, off);
        return kernels().sum(n, x, off);
    }

    /** Σ x[off+i]² for i in [0, n): the squared L2 norm, as used by global-norm clipping. */
    public static float sumOfSquares(int n, float[] x, int off) {
        checkOne(n, x, off);
        return kernels().sumOfSquares(n, x, off);
    }

    /** max of x[off .. off+n): NaN if any element is NaN, −∞ for n = 0. */
    public static float max(int n, float[] x, int off) {
        checkOne(n, x, off);
        return kernels().max(n, x, off);
    }

    /** Index (counted from {@code off}) of the first maximum: of the first NaN if any, −1 for n = 0. */
    public static int argmax(int n, float[] x, int off) {
        checkOne(n, x, off);
        return kernels().argmax(n, x, off);
    }

    /**
     * √(Σ x²) for i in [0, n): the L2 norm used by global-norm gradient clipping (the float sum of squares,
     * square-rooted in double). Overflows to +∞ only when Σ x² exceeds Float.MAX_VALUE.
     */
    public static double l2Norm(int n, float[] x, int off) {
        return Math.sqrt(sumOfSquares(n, x, off));
    }

    /** y[yOff+i] += a·x[xOff+i] for i in [0, n). */
    public static void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff) {
        checkPair(n, x, xOff, y, yOff);
        kernels().axpy(n, a, x, xOff, y, yOff);
    }

    /** x[off+i] *= a for i in [0, n). */
    public static void scale(int n, float a, float[] x, int off) {
        checkOne(n, x, off);
        kernels().scale(n, a, x, off);
    }

    private static void checkOne(int n, float[] x, int off) {
        Checks.nonNegative("n", n);
        Checks.range("x", Checks.notNull("x", x).length, off, n);
    }

    private static void checkPair(int n, float[] x, int xOff, float[] y, int yOff) {
        checkOne(n, x, xOff);
        Checks.range("y", Checks.notNull("y", y).length, yOff, n);
    }
}
