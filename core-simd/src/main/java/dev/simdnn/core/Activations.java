package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.elementwise.ActivationKernels;

/**
 * Activation functions on {@code float[]} ranges, forward and backward, on the {@linkplain Backend#active()
 * active backend}; conventions in {@link Activation}. Arguments are checked here and named in the
 * {@link IllegalArgumentException}.
 *
 * <p>Accuracy: the Vector API kernels use the JDK's vectorised {@code exp/expm1/log1p/tanh} (≤ 1 ulp each),
 * the scalar twins {@link Math}; composed functions (sigmoid, softplus, GELU, their derivatives) stay within a
 * few ulps of the exact value, see the property tests for the stated bounds. NaN propagates; ±∞ gives the
 * limits (sigmoid(+∞) = 1, tanh(−∞) = −1, ReLU(+∞) = +∞).
 */
public final class Activations {
    private Activations() {}

    private static ActivationKernels kernels() {
        return KernelProviders.active().activations();
    }

    /** y[yOff+i] = f(x[xOff+i]) for i in [0, n), with f's default α. In place ({@code y == x}) is allowed. */
    public static void forward(Activation f, int n, float[] x, int xOff, float[] y, int yOff) {
        forward(f, Checks.notNull("f", f).defaultAlpha(), n, x, xOff, y, yOff);
    }

    /** y = f(x) with parameter α (leaky ReLU's slope, ELU's scale; ignored by the others). */
    public static void forward(Activation f, float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        checkAlpha(Checks.notNull("f", f), alpha);
        Checks.nonNegative("n", n);
        Checks.range("x", Checks.notNull("x", x).length, xOff, n);
        Checks.range("y", Checks.notNull("y", y).length, yOff, n);
        kernels().forward(f, alpha, n, x, xOff, y, yOff);
    }

    /**
     * dx = dy ⊙ f′(cached) for n elements, where {@code cached} is f's output for sigmoid and tanh and its
     * input for every other activation ({@link Activation#derivativeFromOutput()}). {@code dx == dy} is allowed.
     */
    public static void backward(Activation f, float alpha, int n, float[] cached, int cOff, float[] dy, int dyOff,
                                float[] dx, int dxOff) {
        checkAlpha(Checks.notNull("f", f), alpha);
        Checks.nonNegative("n", n);
        Checks.range("cached", Checks.notNull("cached", cached).length, cOff, n);
        Checks.range("dy", Checks.notNull("dy", dy).length, dyOff, n);
        Checks.range("dx", Checks.notNull("dx", dx).length, dxOff, n);
        kernels().backward(f, alpha, n, cached, cOff, dy, dyOff, dx, dxOff);
    }

    /**
     * The fused backward of a Dense layer's activation, batch-major {@code rows x cols} (rows = samples):
     * {@code dz = dy ⊙ f′(cached)} and the bias gradient {@code dBias[j] = Σ_i dz[i][j]} (overwritten), in one
     * pass over memory. The sums run over the rows in order.
     */
    public static void backwardWithBiasGradient(Activation f, float alpha, int rows, int cols, float[] cached,
                                                int cOff, float[] dy, int dyOff, float[] dz, int dzOff,
                                                float[] dBias, int dBiasOff) {
        checkAlpha(Checks.notNull("f", f), alpha);
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        long n = (long) rows * cols;
        Checks.range("cached", Checks.notNull("cached", cached).length, cOff, n);
        Checks.range("dy", Checks.notNull("dy", dy).length, dyOff, n);
        Checks.range("dz", Checks.notNull("dz", dz).length, dzOff, n);
        Checks.range("dBias", Checks.notNull("dBias", dBias).length, dBiasOff, cols);
        kernels().backwardWithBiasGradient(f, alpha, rows, cols, cached, cOff, dy, dyOff, dz, dzOff, dBias, dBiasOff);
    }

    /** α must be finite for the activations that use it. */
    static void checkAlpha(Activation f, float alpha) {
        if (f.hasAlpha() && !Float.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha for " + f + " must be finite, got " + alpha);
        }
    }
}
