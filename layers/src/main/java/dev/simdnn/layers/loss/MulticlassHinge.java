package dev.simdnn.layers.loss;

import dev.simdnn.core.Losses;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.check.KinkSignature;

/**
 * Multiclass hinge loss on scores against class labels, PyTorch's {@code MultiMarginLoss(p=1, margin)} (the
 * textbook has no hinge loss; this follows PyTorch): per row {@code Σ_{j≠y} max(0, margin − x_y + x_j) / width},
 * subgradient with the kink counted as inactive. Default margin 1. Predictions are the scores.
 */
public final class MulticlassHinge extends LossHead {
    /** PyTorch's default margin. */
    public static final float DEFAULT_MARGIN = 1f;
    private final float margin;

    public MulticlassHinge() {
        this(Reduction.MEAN, DEFAULT_MARGIN);
    }

    public MulticlassHinge(Reduction reduction, float margin) {
        super(reduction);
        if (!Float.isFinite(margin)) {
            throw new IllegalArgumentException("Invalid margin: " + margin + " (must be finite)");
        }
        this.margin = margin;
    }

    @Override
    public String kind() {
        return "multiclass_hinge";
    }

    @Override
    public String spec() {
        return super.spec() + " margin=" + margin;
    }

    @Override
    public boolean acceptsLabels() {
        return true;
    }

    @Override
    public boolean acceptsValues() {
        return false;
    }

    @Override
    public double loss(int batch, int width, float[] out, int off, Targets targets, int row0, float[] grad, int gOff) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        return Losses.multiclassHinge(batch, width, out, off, t.labels(), t.labelOffset(), margin, grad, gOff,
                reduction);
    }

    /** Piecewise linear: zero curvature away from the kinks. */
    @Override
    public double[] referenceGradientR(int batch, int width, double[] out, double[] rOut, Targets targets) {
        return new double[batch * width];
    }

    @Override
    public double referenceLoss(int batch, int width, double[] out, Targets targets, int row0, double[] grad,
                                KinkSignature kinks) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        double s = scale(batch) / width, total = 0;
        if (grad != null) {
            java.util.Arrays.fill(grad, 0, batch * width, 0);
        }
        for (int r = 0; r < batch; r++) {
            int y = t.labels()[t.labelOffset() + r];
            for (int j = 0; j < width; j++) {
                double violation = margin - out[r * width + y] + out[r * width + j];
                if (j != y && kinks != null) {
                    kinks.record(violation > 0 ? 1 : 0);
                }
                if (j != y && violation > 0) {
                    total += violation;
                    if (grad != null) {
                        grad[r * width + j] += s;
                        grad[r * width + y] -= s;
                    }
                }
            }
        }
        return s * total;
    }
}
