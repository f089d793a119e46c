package dev.simdnn.core.internal.blas1;

/**
 * Level-1 kernels on {@code float[]} ranges. Inputs are valid (checked by {@link dev.simdnn.core.Blas1}).
 *
 * <p>Summation order of the reductions, which decides their rounding:
 * <ul>
 *   <li>{@link Blas1Scalar}: four partial sums, element {@code i} going to sum {@code i mod 4}, combined as
 *       {@code (s0 + s1) + (s2 + s3)}; the last {@code n mod 4} elements are added to {@code s0} in order.</li>
 *   <li>{@link Blas1Panama}: four vector partial sums of L lanes each (element {@code i} to lane
 *       {@code i mod 4L}), added as vectors {@code (v0 + v1) + (v2 + v3)}, then reduced across lanes (the JDK
 *       does not specify that order), then the remaining elements one by one.</li>
 * </ul>
 * Both are within the recursive-summation bound {@code n·u·Σ|terms|}, {@code u = 2^-24}, of the exact sum.
 */
public interface Blas1Kernels {
    /** Σ x[xOff+i]·y[yOff+i]. */
    float dot(int n, float[] x, int xOff, float[] y, int yOff);

    /** Σ x[off+i]. */
    float sum(int n, float[] x, int off);

    /** Σ x[off+i]². */
    float sumOfSquares(int n, float[] x, int off);

    /** max of x[off .. off+n): NaN if any element is NaN, −∞ when n = 0. */
    float max(int n, float[] x, int off);

    /**
     * Index (from {@code off}) of the first element equal to {@link #max}: the first NaN if there is one, −1
     * when n = 0.
     */
    int argmax(int n, float[] x, int off);

    /** y[yOff+i] += a·x[xOff+i]. */
    void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff);

    /** x[off+i] *= a. */
    void scale(int n, float a, float[] x, int off);

    /** The first index i with x[off+i] equal to m (or NaN when m is NaN), −1 if none: argmax's second pass. */
    static int firstIndexOf(int n, float[] x, int off, float m) {
        boolean nan = Float.isNaN(m);
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (nan ? Float.isNaN(v) : v == m) {
                return i;
            }
        }
        return -1;
    }
}
