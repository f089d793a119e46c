package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;

/**
 * Activation kernels on {@code float[]} ranges (conventions in {@link Activation}). Inputs are valid and
 * {@code alpha} is set for the activations that use it (checked by {@link dev.simdnn.core.Activations}).
 * In-place use ({@code y == x} at the same offset) is allowed.
 */
public interface ActivationKernels {
    /** y = f(x). */
    void forward(Activation f, float alpha, int n, float[] x, int xOff, float[] y, int yOff);

    /**
     * dx = dy ⊙ f′, with f′ computed from {@code cached}: the output y for sigmoid and tanh, the input v
     * otherwise. {@code dx == dy} is allowed.
     */
    void backward(Activation f, float alpha, int n, float[] cached, int cOff, float[] dy, int dyOff, float[] dx,
                  int dxOff);

    /**
     * The fused backward of a Dense layer's activation on a batch-major {@code rows x cols} block:
     * {@code dz = dy ⊙ f′(cached)} and {@code dBias[j] = Σ_i dz[i][j]} (overwritten), in one pass over memory.
     * Rows are contiguous ({@code ld = cols}). The column sums run over rows in order, one lane per column.
     */
    void backwardWithBiasGradient(Activation f, float alpha, int rows, int cols, float[] cached, int cOff,
                                  float[] dy, int dyOff, float[] dz, int dzOff, float[] dBias, int dBiasOff);
}
