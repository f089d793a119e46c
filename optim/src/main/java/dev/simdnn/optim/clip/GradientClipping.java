package dev.simdnn.optim.clip;

import dev.simdnn.core.Blas1;

import java.util.List;

/**
 * Gradient clipping (reference notes B10; textbook §3.4): by value, by the global L2 norm over all tensors
 * (PyTorch's {@code clip_grad_norm_}), by each tensor's own norm, and the chapter's literal "normalise always" form.
 * Norms are sums of per-tensor float sums of squares (vectorised), added in double. A NaN gradient makes the norm
 * NaN and every clipped gradient NaN (never silently finite); an infinite norm scales the gradients to 0, as PyTorch
 * does.
 */
public final class GradientClipping {
    /** Added to the norm before dividing, as PyTorch does ({@code max_norm / (total_norm + 1e-6)}). */
    public static final double NORM_EPS = 1e-6;

    private GradientClipping() {}

    /** Clamps every element to [−c, c]; NaN stays NaN. */
    public static void byValue(Tensor g, float c) {
        if (!(c > 0) || !Float.isFinite(c)) {
            throw new IllegalArgumentException("clip value must be finite and > 0, got " + c);
        }
        float[] a = g.data();
        for (int i = g.offset(), end = g.offset() + g.length(); i < end; i++) {
            a[i] = Math.min(c, Math.max(-c, a[i]));
        }
    }

    /** √(Σ over tensors of Σ g²). */
    public static double globalNorm(List<Tensor> gradients) {
        double sum = 0;
        for (Tensor t : gradients) {
            sum += Blas1.sumOfSquares(t.length(), t.data(), t.offset());
        }
        return Math.sqrt(sum);
    }

    /**
     * If the global norm exceeds {@code maxNorm}, scales every tensor by maxNorm/(norm + 1e-6), so the direction
     * is kept and the norm becomes (just under) maxNorm. Returns the norm before clipping.
     */
    public static double byGlobalNorm(List<Tensor> gradients, double maxNorm) {
        checkThreshold(maxNorm);
        double norm = globalNorm(gradients);
        double scale = maxNorm / (norm + NORM_EPS);
        if (!(scale >= 1)) {     // also NaN: propagate it
            scaleAll(gradients, scale);
        }
        return norm;
    }

    /**
     * The chapter's literal form: always rescale to norm {@code threshold}, g ← threshold·g/‖g‖ (no ε: the result
     * has exactly that norm; a zero gradient has no direction and is left as it is). Returns the old norm.
     */
    public static double normalise(List<Tensor> gradients, double threshold) {
        checkThreshold(threshold);
        double norm = globalNorm(gradients);
        if (norm != 0) {
            scaleAll(gradients, threshold / norm);
        }
        return norm;
    }

    /** Each tensor clipped by its own norm, as {@link #byGlobalNorm} does for all together. */
    public static void byNormPerTensor(List<Tensor> gradients, double maxNorm) {
        for (Tensor t : gradients) {
            byGlobalNorm(List.of(t), maxNorm);
        }
    }

    private static void scaleAll(List<Tensor> gradients, double scale) {
        for (Tensor t : gradients) {
            Blas1.scale(t.length(), (float) scale, t.data(), t.offset());
        }
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("norm threshold must be finite and > 0, got " + threshold);
        }
    }
}
