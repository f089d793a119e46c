package dev.simdnn.layers.loss;

import dev.simdnn.core.Losses;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.check.KinkSignature;

/**
 * Softmax + cross-entropy on logits (textbook F18–F23), fused: the loss by log-sum-exp, the gradient
 * {@code softmax − y} at the logits (never multiplied by the softmax Jacobian again, trap P14). Targets are class
 * labels or soft targets (probabilities, e.g. a teacher's, F23/F61). Predictions are the softmax probabilities.
 */
public final class SoftmaxCrossEntropy extends LossHead {
    public SoftmaxCrossEntropy() {
        this(Reduction.MEAN);
    }

    public SoftmaxCrossEntropy(Reduction reduction) {
        super(reduction);
    }

    @Override
    public String kind() {
        return "softmax_cross_entropy";
    }

    @Override
    public boolean acceptsLabels() {
        return true;
    }

    @Override
    public boolean acceptsValues() {
        return true;
    }

    @Override
    public double loss(int batch, int width, float[] out, int off, Targets targets, int row0, float[] grad, int gOff) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        return t.hasLabels()
                ? Losses.softmaxCrossEntropy(batch, width, out, off, t.labels(), t.labelOffset(), grad, gOff, reduction)
                : Losses.softmaxCrossEntropy(batch, width, out, off, t.values(), t.valueOffset(), grad, gOff, reduction);
    }

    @Override
    public double referenceLoss(int batch, int width, double[] out, Targets targets, int row0, double[] grad,
                                KinkSignature kinks) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        double s = scale(batch), total = 0;
        for (int r = 0; r < batch; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, out[r * width + j]);
            }
            double sum = 0;
            for (int j = 0; j < width; j++) {
                sum += Math.exp(out[r * width + j] - max);
            }
            double lse = max + Math.log(sum);
            double mass = 0;
            for (int j = 0; j < width; j++) {
                double y = target(t, r, j, width);
                mass += y;
                total += y * (lse - out[r * width + j]);
            }
            if (grad != null) {
                for (int j = 0; j < width; j++) {
                    double p = Math.exp(out[r * width + j] - lse);
                    grad[r * width + j] = s * (p * mass - target(t, r, j, width));
                }
            }
        }
        return s * total;
    }

    /** grad = s·(p·mass − y) with p = softmax: R(grad) = s·mass·p ⊙ (R(out) − Σ p·R(out)) per row. */
    @Override
    public double[] referenceGradientR(int batch, int width, double[] out, double[] rOut, Targets targets) {
        checkTargets(targets, batch, width);
        double s = scale(batch);
        double[] r = new double[batch * width];
        for (int row = 0; row < batch; row++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0, mass = 0, dot = 0;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, out[row * width + j]);
            }
            for (int j = 0; j < width; j++) {
                sum += Math.exp(out[row * width + j] - max);
                mass += target(targets, row, j, width);
            }
            for (int j = 0; j < width; j++) {
                dot += Math.exp(out[row * width + j] - max) / sum * rOut[row * width + j];
            }
            for (int j = 0; j < width; j++) {
                double pj = Math.exp(out[row * width + j] - max) / sum;
                r[row * width + j] = s * mass * pj * (rOut[row * width + j] - dot);
            }
        }
        return r;
    }

    private static double target(Targets t, int row, int j, int width) {
        return t.hasLabels() ? (t.labels()[t.labelOffset() + row] == j ? 1 : 0)
                : t.values()[t.valueOffset() + row * width + j];
    }

    @Override
    public void activate(int batch, int width, float[] out, int off, float[] dest, int dOff) {
        Losses.softmax(batch, width, out, off, dest, dOff);
    }
}
