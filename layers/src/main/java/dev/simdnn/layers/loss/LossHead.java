package dev.simdnn.layers.loss;

import dev.simdnn.core.Reduction;
import dev.simdnn.layers.check.KinkSignature;

import java.util.Locale;

/**
 * The loss at the end of a model, on the last layer's raw outputs (logits or scores): its value and its gradient
 * with respect to those outputs, in float by the core-simd kernels and in double by a reference written from the
 * formulas. Mean reduction by default (PyTorch's); {@link Reduction#SUM} is the textbook's (3.32) sum over the
 * batch, which scales the effective learning rate by the batch size (trap P7).
 *
 * <p>{@link #activate} turns raw outputs into predictions: probabilities for cross-entropy (softmax) and binary
 * cross-entropy (sigmoid), the outputs themselves for the others.
 */
public abstract class LossHead {
    protected final Reduction reduction;

    protected LossHead(Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must not be null");
        }
        this.reduction = reduction;
    }

    /** The reduction. */
    public final Reduction reduction() {
        return reduction;
    }

    /** The name in the model file and in messages. */
    public abstract String kind();

    /** Configuration as {@code key=value} tokens, read back by {@link #parse}. */
    public String spec() {
        return "reduction=" + reduction.name().toLowerCase(Locale.ROOT);
    }

    /** True when the loss takes class labels (then the output width is the class count). */
    public abstract boolean acceptsLabels();

    /** True when the loss takes target values (regression, soft targets, multi-label). */
    public abstract boolean acceptsValues();

    /**
     * The loss of {@code batch} rows of {@code width} outputs from {@code out[off]}, against targets from row
     * {@code row0}; when {@code grad} is non-null, writes dL/d(out) there (same layout).
     *
     * @throws IllegalArgumentException if the targets do not fit (labels missing or out of range, values too short)
     */
    public abstract double loss(int batch, int width, float[] out, int off, Targets targets, int row0, float[] grad,
                                int gOff);

    /**
     * The double reference of {@link #loss}; {@code grad} (may be null) receives dL/d(out); {@code kinks} (may be
     * null) records the side of each kink of a piecewise loss.
     */
    public abstract double referenceLoss(int batch, int width, double[] out, Targets targets, int row0,
                                         double[] grad, KinkSignature kinks);

    /**
     * The R-operator of the reference gradient: the derivative of dL/d(out) along {@code rOut}, i.e. (∇²_out L)·rOut,
     * for exact Hessian-vector products.
     */
    public abstract double[] referenceGradientR(int batch, int width, double[] out, double[] rOut, Targets targets);

    /** Predictions from raw outputs ({@code dest == out} allowed). */
    public void activate(int batch, int width, float[] out, int off, float[] dest, int dOff) {
        if (dest != out || dOff != off) {
            System.arraycopy(out, off, dest, dOff, batch * width);
        }
    }

    /** 1/count for MEAN, 1 for SUM. */
    protected final double scale(int count) {
        return reduction == Reduction.MEAN && count > 0 ? 1.0 / count : 1.0;
    }

    /** Checks that the targets hold what this loss needs for {@code batch} rows. */
    protected final void checkTargets(Targets t, int batch, int width) {
        if (t == null) {
            throw new IllegalArgumentException(kind() + " needs targets");
        }
        if (t.hasLabels() ? !acceptsLabels() : !acceptsValues()) {
            throw new IllegalArgumentException(kind() + " needs " + (acceptsLabels() ? "class labels" : "target values")
                    + ", got " + (t.hasLabels() ? "labels" : "values"));
        }
        if (t.hasLabels()) {
            if ((long) t.labelOffset() + batch > t.labels().length) {
                throw new IllegalArgumentException(kind() + ": " + batch + " labels needed from index "
                        + t.labelOffset() + ", the array has " + t.labels().length);
            }
            for (int r = 0; r < batch; r++) {
                int label = t.labels()[t.labelOffset() + r];
                if (label < 0 || label >= width) {
                    throw new IllegalArgumentException(kind() + ": label " + label + " of row " + r + " (index "
                            + (t.labelOffset() + r) + ") is outside [0, " + width + ")");
                }
            }
        } else if ((long) t.valueOffset() + (long) batch * width > t.values().length) {
            throw new IllegalArgumentException(kind() + ": " + batch + " x " + width + " target values needed from index "
                    + t.valueOffset() + ", the array has " + t.values().length);
        }
    }

    /** Targets shifted to row {@code row0} (allocation-free when row0 = 0). */
    protected static Targets shifted(Targets t, int row0, int width) {
        if (row0 == 0) {
            return t;
        }
        return t.hasLabels() ? Targets.labels(t.labels(), t.labelOffset() + row0)
                : Targets.values(t.values(), t.valueOffset() + row0 * width);
    }

    /** Reads {@code kind key=value...} as written by {@link #kind()} and {@link #spec()}. */
    public static LossHead parse(String kind, java.util.Map<String, String> spec) {
        Reduction r = Reduction.valueOf(spec.getOrDefault("reduction", "mean").toUpperCase(Locale.ROOT));
        return switch (kind) {
            case "softmax_cross_entropy" -> new SoftmaxCrossEntropy(r);
            case "squared_error" -> new SquaredError(r, Boolean.parseBoolean(spec.getOrDefault("half", "true")));
            case "binary_cross_entropy" -> new BinaryCrossEntropy(r);
            case "multiclass_hinge" -> new MulticlassHinge(r, Float.parseFloat(spec.getOrDefault("margin", "1")));
            default -> throw new IllegalArgumentException("unknown loss '" + kind + "'; known: softmax_cross_entropy, "
                    + "squared_error, binary_cross_entropy, multiclass_hinge");
        };
    }
}
