package dev.simdnn.core.internal.norm;

/**
 * Batch normalisation over the batch dimension of a batch-major {@code rows x cols} block (rows = the m samples,
 * cols = features), vectorised across features. Conventions (textbook F52-F53, trap P10): biased variance
 * (÷ m), ε inside the square root, gradients through μ and σ². Inputs are valid (see {@link dev.simdnn.core.BatchNorm}).
 *
 * <p>Every operation is per feature, element by element in row order, with the same fma/sqrt/div sequence in
 * both twins: the scalar and Vector API results are bitwise equal.
 */
public interface BatchNormKernels {
    /**
     * Statistics in one pass over x (sums of x − x₀ and (x − x₀)² per feature, shifted by the first row x₀ to
     * avoid cancellation), then one pass writing x̂ = (x − μ)/√(σ² + ε) and y = γx̂ + β.
     * Outputs mean, var (biased) and invStd = 1/√(var + ε), each {@code cols} long at offset 0.
     */
    void forwardTraining(int rows, int cols, float[] x, int xOff, float[] gamma, int gOff, float[] beta, int bOff,
                         float eps, float[] y, int yOff, float[] xhat, int xhOff, float[] mean, float[] var,
                         float[] invStd);

    /**
     * Two passes: dβ = Σ dy and dγ = Σ dy·x̂ (overwritten), then
     * dx = (γ·invStd/m)·(m·dy − dβ − x̂·dγ), the closed form of (3.62)-(3.65).
     */
    void backward(int rows, int cols, float[] dy, int dyOff, float[] xhat, int xhOff, float[] gamma, int gOff,
                  float[] invStd, float[] dx, int dxOff, float[] dGamma, int dgOff, float[] dBeta, int dbOff);

    /** Inference, folded to one scale and shift per feature: y = x·scale + shift. */
    void inference(int rows, int cols, float[] x, int xOff, float[] scale, int sOff, float[] shift, int shOff,
                   float[] y, int yOff);
}
