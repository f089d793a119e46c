package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.elementwise.DropoutKernels;

/**
 * Inverted dropout (reference notes B10): in training each element is kept with probability {@code keep} and
 * scaled by 1/keep, so evaluation needs no rescaling (evaluation is the identity). The mask comes from a
 * counter-based generator ({@link DropoutKernels}): a pure function of (seed, counter + i), recomputed by the
 * backward pass instead of stored, and the same for any thread count or batch split when {@code counter} is the
 * global index of the first element. Dropped elements become 0·x, so NaN stays NaN.
 */
public final class Dropout {
    private Dropout() {}

    private static DropoutKernels kernels() {
        return KernelProviders.active().dropout();
    }

    /** y = x · mask / keep. {@code y == x} allowed. */
    public static void forward(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y, int yOff) {
        check(n, keep, counter);
        Checks.range("x", Checks.notNull("x", x).length, xOff, n);
        Checks.range("y", Checks.notNull("y", y).length, yOff, n);
        kernels().forward(n, keep, seed, counter, x, xOff, y, yOff);
    }

    /** dx = dy · mask / keep, with the mask of the forward call that had the same seed and counter. */
    public static void backward(int n, float keep, long seed, long counter, float[] dy, int dyOff, float[] dx,
                                int dxOff) {
        check(n, keep, counter);
        Checks.range("dy", Checks.notNull("dy", dy).length, dyOff, n);
        Checks.range("dx", Checks.notNull("dx", dx).length, dxOff, n);
        kernels().backward(n, keep, seed, counter, dy, dyOff, dx, dxOff);
    }

    /** The mask values (1/keep or 0) themselves. */
    public static void mask(int n, float keep, long seed, long counter, float[] m, int mOff) {
        check(n, keep, counter);
        Checks.range("m", Checks.notNull("m", m).length, mOff, n);
        kernels().mask(n, keep, seed, counter, m, mOff);
    }

    private static void check(int n, float keep, long counter) {
        Checks.nonNegative("n", n);
        if (!(keep > 0f && keep <= 1f)) {
            throw new IllegalArgumentException("keep probability must be in (0, 1], got " + keep);
        }
        if (counter < 0) {
            throw new IllegalArgumentException("counter must be >= 0, got " + counter);
        }
    }
}
