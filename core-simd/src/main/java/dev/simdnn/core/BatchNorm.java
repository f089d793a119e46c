package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.norm.BatchNormKernels;

/**
 * Batch normalisation of a batch-major {@code rows x cols} block over its rows (textbook §3.6, reference notes B7):
 * training forward and backward, running statistics, and inference folded into one scale and shift per feature.
 *
 * <p>Where the sources are silent this follows PyTorch (documented in its {@code BatchNorm1d}): the running
 * variance is updated with the <b>unbiased</b> batch variance (×m/(m−1)) while normalisation uses the biased
 * one; momentum 0.1 means {@code running = 0.9·running + 0.1·batch}; ε (PyTorch's default 1e-5) sits inside the
 * square root in training and inference alike. Training on one row is rejected, as in PyTorch.
 */
public final class BatchNorm {
    /** PyTorch's default ε. */
    public static final float DEFAULT_EPS = 1e-5f;
    /** PyTorch's default momentum. */
    public static final float DEFAULT_MOMENTUM = 0.1f;

    private BatchNorm() {}

    private static BatchNormKernels kernels() {
        return KernelProviders.active().batchNorm();
    }

    /**
     * Training forward: per feature μ, biased σ², x̂ = (x − μ)/√(σ² + ε), y = γx̂ + β. Writes y, x̂ (kept for the
     * backward pass), and {@code mean}, {@code var}, {@code invStd} = 1/√(σ² + ε) ({@code cols} long each).
     */
    public static void forwardTraining(int rows, int cols, float[] x, int xOff, float[] gamma, int gOff, float[] beta,
                                       int bOff, float eps, float[] y, int yOff, float[] xhat, int xhOff,
                                       float[] mean, float[] var, float[] invStd) {
        checkTraining(rows, cols);
        checkEps(eps);
        long n = (long) rows * cols;
        range("x", x, xOff, n);
        range("gamma", gamma, gOff, cols);
        range("beta", beta, bOff, cols);
        range("y", y, yOff, n);
        range("xhat", xhat, xhOff, n);
        range("mean", mean, 0, cols);
        range("var", var, 0, cols);
        range("invStd", invStd, 0, cols);
        kernels().forwardTraining(rows, cols, x, xOff, gamma, gOff, beta, bOff, eps, y, yOff, xhat, xhOff, mean, var,
                invStd);
    }

    /** Backward through μ and σ²: dγ = Σ dy·x̂, dβ = Σ dy (overwritten), dx = (γ/(mσ))(m·dy − dβ − x̂·dγ). */
    public static void backward(int rows, int cols, float[] dy, int dyOff, float[] xhat, int xhOff, float[] gamma,
                                int gOff, float[] invStd, float[] dx, int dxOff, float[] dGamma, int dgOff,
                                float[] dBeta, int dbOff) {
        checkTraining(rows, cols);
        long n = (long) rows * cols;
        range("dy", dy, dyOff, n);
        range("xhat", xhat, xhOff, n);
        range("gamma", gamma, gOff, cols);
        range("invStd", invStd, 0, cols);
        range("dx", dx, dxOff, n);
        range("dGamma", dGamma, dgOff, cols);
        range("dBeta", dBeta, dbOff, cols);
        kernels().backward(rows, cols, dy, dyOff, xhat, xhOff, gamma, gOff, invStd, dx, dxOff, dGamma, dgOff, dBeta,
                dbOff);
    }

    /**
     * running = (1 − momentum)·running + momentum·batch, for the mean and for the variance; the batch variance
     * enters unbiased (×rows/(rows−1)) when {@code unbiased} (PyTorch's behaviour), biased otherwise.
     * O(cols) bookkeeping, plain Java on both backends.
     */
    public static void updateRunningStatistics(int cols, int rows, float[] mean, float[] var, float momentum,
                                               boolean unbiased, float[] runningMean, int rmOff, float[] runningVar,
                                               int rvOff) {
        checkTraining(rows, cols);
        if (!(momentum >= 0f && momentum <= 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        range("mean", mean, 0, cols);
        range("var", var, 0, cols);
        range("runningMean", runningMean, rmOff, cols);
        range("runningVar", runningVar, rvOff, cols);
        float correction = unbiased ? (float) rows / (rows - 1) : 1f;
        for (int c = 0; c < cols; c++) {
            runningMean[rmOff + c] = (1 - momentum) * runningMean[rmOff + c] + momentum * mean[c];
            runningVar[rvOff + c] = (1 - momentum) * runningVar[rvOff + c] + momentum * var[c] * correction;
        }
    }

    /**
     * Folds inference into y = x·scale + shift: scale = γ/√(running var + ε), shift = β − scale·running mean.
     * O(cols), plain Java.
     */
    public static void fold(int cols, float[] gamma, int gOff, float[] beta, int bOff, float[] runningMean, int rmOff,
                            float[] runningVar, int rvOff, float eps, float[] scale, int sOff, float[] shift, int shOff) {
        Checks.nonNegative("cols", cols);
        checkEps(eps);
        range("gamma", gamma, gOff, cols);
        range("beta", beta, bOff, cols);
        range("runningMean", runningMean, rmOff, cols);
        range("runningVar", runningVar, rvOff, cols);
        range("scale", scale, sOff, cols);
        range("shift", shift, shOff, cols);
        for (int c = 0; c < cols; c++) {
            float s = gamma[gOff + c] / (float) Math.sqrt(runningVar[rvOff + c] + eps);
            scale[sOff + c] = s;
            shift[shOff + c] = beta[bOff + c] - s * runningMean[rmOff + c];
        }
    }

    /** Inference with folded statistics: y = x·scale + shift per feature. {@code y == x} allowed. */
    public static void inference(int rows, int cols, float[] x, int xOff, float[] scale, int sOff, float[] shift,
                                 int shOff, float[] y, int yOff) {
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        long n = (long) rows * cols;
        range("x", x, xOff, n);
        range("scale", scale, sOff, cols);
        range("shift", shift, shOff, cols);
        range("y", y, yOff, n);
        kernels().inference(rows, cols, x, xOff, scale, sOff, shift, shOff, y, yOff);
    }

    private static void checkTraining(int rows, int cols) {
        Checks.nonNegative("cols", cols);
        if (rows < 2) {
            throw new IllegalArgumentException("batch norm in training needs at least 2 rows per batch, got " + rows);
        }
    }

    private static void checkEps(float eps) {
        if (!(eps > 0f) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be a positive finite number, got " + eps);
        }
    }

    private static void range(String name, float[] a, int off, long n) {
        Checks.range(name, Checks.notNull(name, a).length, off, n);
    }
}
