package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;

/**
 * Maxout over k pieces per unit (textbook F16): the max of the pieces forward, the gradient to the arg-max piece
 * only backward. Layout and tie/NaN rules in {@link dev.simdnn.core.internal.elementwise.MaxoutKernels}: row r of x
 * holds k blocks of {@code units} values, piece-major.
 */
public final class Maxout {
    private Maxout() {}

    /** y (rows x units) = max over pieces of x (rows x k·units); argmax (rows x units) records the piece. */
    public static void forward(int rows, int units, int k, float[] x, int xOff, float[] y, int yOff, int[] argmax,
                               int aOff) {
        check(rows, units, k);
        long out = (long) rows * units;
        Checks.range("x", Checks.notNull("x", x).length, xOff, out * k);
        Checks.range("y", Checks.notNull("y", y).length, yOff, out);
        Checks.range("argmax", Checks.notNull("argmax", argmax).length, aOff, out);
        KernelProviders.active().maxout().forward(rows, units, k, x, xOff, y, yOff, argmax, aOff);
    }

    /** dx (rows x k·units, every element written) = dy routed to the recorded arg-max pieces. */
    public static void backward(int rows, int units, int k, float[] dy, int dyOff, int[] argmax, int aOff, float[] dx,
                                int dxOff) {
        check(rows, units, k);
        long out = (long) rows * units;
        Checks.range("dy", Checks.notNull("dy", dy).length, dyOff, out);
        Checks.range("argmax", Checks.notNull("argmax", argmax).length, aOff, out);
        Checks.range("dx", Checks.notNull("dx", dx).length, dxOff, out * k);
        for (long i = 0; i < out; i++) {
            int p = argmax[(int) (aOff + i)];
            if (p < 0 || p >= k) {
                throw new IllegalArgumentException("argmax[" + (aOff + i) + "] = " + p + " is outside [0, " + k + ")");
            }
        }
        KernelProviders.active().maxout().backward(rows, units, k, dy, dyOff, argmax, aOff, dx, dxOff);
    }

    private static void check(int rows, int units, int k) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("units", units);
        if (k < 1) {
            throw new IllegalArgumentException("k (pieces per unit) must be >= 1, got " + k);
        }
    }
}
