package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.loss.LossKernels;

/**
 * Softmax and losses on batch-major float blocks ({@code rows} samples of {@code cols} values, contiguous),
 * on the {@linkplain Backend#active() active backend}. Every loss returns its value (accumulated in double)
 * and, when {@code grad} is non-null, writes the gradient with respect to its input, with the
 * {@link Reduction} factor applied. Softmax is always computed with max subtraction (log-sum-exp), so large
 * logits neither overflow nor produce log(0); NaN anywhere in a row makes that row's loss and gradient NaN.
 *
 * <p>Conventions (reference notes B2, textbook F20–F23): cross-entropy's gradient at the logits is
 * {@code softmax − y} (never multiplied by the softmax Jacobian again, trap P14); the squared error carries an
 * explicit ½ flag; the hinge loss is PyTorch's {@code MultiMarginLoss} (p = 1, divided by the class count).
 */
public final class Losses {
    private Losses() {}

    private static LossKernels kernels() {
        return KernelProviders.active().losses();
    }

    /** y = softmax(x) per row. {@code y == x} at the same offset is allowed. */
    public static void softmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        checkBlock(rows, cols);
        checkRange("x", x, xOff, (long) rows * cols);
        checkRange("y", y, yOff, (long) rows * cols);
        kernels().softmax(rows, cols, x, xOff, y, yOff);
    }

    /** y = log softmax(x) per row, x − max − log Σ exp(x − max). {@code y == x} allowed. */
    public static void logSoftmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        checkBlock(rows, cols);
        checkRange("x", x, xOff, (long) rows * cols);
        checkRange("y", y, yOff, (long) rows * cols);
        kernels().logSoftmax(rows, cols, x, xOff, y, yOff);
    }

    /**
     * Fused softmax + cross-entropy against integer class labels: loss = Σ_r (lse(x_r) − x_r[label_r]) (÷ rows
     * for {@link Reduction#MEAN}); grad (may be null) = (softmax − onehot) with the same factor.
     *
     * @throws IllegalArgumentException if a label is outside [0, cols), naming the row and value
     */
    public static double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] labels, int labOff,
                                             float[] grad, int gOff, Reduction reduction) {
        checkBlock(rows, cols);
        checkRange("logits", logits, lOff, (long) rows * cols);
        checkLabels(rows, cols, labels, labOff);
        checkGrad(grad, gOff, (long) rows * cols);
        float scale = scale(Checks.notNull("reduction", reduction), rows);
        return kernels().softmaxCrossEntropy(rows, cols, logits, lOff, labels, labOff, grad, gOff, scale) * scale;
    }

    /**
     * Fused softmax + cross-entropy against soft targets (probabilities, e.g. a teacher's softmax for
     * distillation): loss = Σ_r Σ_j y_rj·(lse(x_r) − x_rj); grad = softmax·Σ_j y_rj − y (= softmax − y when each
     * row of y sums to 1), with the reduction's factor.
     */
    public static double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, float[] targets, int tOff,
                                             float[] grad, int gOff, Reduction reduction) {
        checkBlock(rows, cols);
        checkRange("logits", logits, lOff, (long) rows * cols);
        checkRange("targets", targets, tOff, (long) rows * cols);
        checkGrad(grad, gOff, (long) rows * cols);
        float scale = scale(Checks.notNull("reduction", reduction), rows);
        return kernels().softmaxCrossEntropySoft(rows, cols, logits, lOff, targets, tOff, grad, gOff, scale) * scale;
    }

    /**
     * Squared error over n elements: {@code c·Σ(p − t)²} with c = ½ when {@code half} (then ∂/∂p = p − t, the
     * lectures' convention) or 1 (PyTorch's {@code MSELoss}, ∂/∂p = 2(p − t)), ÷ n for {@link Reduction#MEAN}.
     */
    public static double squaredError(int n, float[] pred, int pOff, float[] target, int tOff, float[] grad, int gOff,
                                      Reduction reduction, boolean half) {
        Checks.nonNegative("n", n);
        checkRange("pred", pred, pOff, n);
        checkRange("target", target, tOff, n);
        checkGrad(grad, gOff, n);
        float c = (half ? 0.5f : 1f) * scale(Checks.notNull("reduction", reduction), n);
        return kernels().squaredError(n, pred, pOff, target, tOff, grad, gOff, 2 * c) * c;
    }

    /**
     * Binary cross-entropy on logits x against targets y ∈ [0, 1]: Σ max(x,0) − x·y + log(1 + e^−|x|) (÷ n for
     * MEAN), the stable form of −y·log σ(x) − (1−y)·log(1−σ(x)); grad = σ(x) − y with the same factor.
     */
    public static double binaryCrossEntropyWithLogits(int n, float[] logits, int lOff, float[] targets, int tOff,
                                                      float[] grad, int gOff, Reduction reduction) {
        Checks.nonNegative("n", n);
        checkRange("logits", logits, lOff, n);
        checkRange("targets", targets, tOff, n);
        checkGrad(grad, gOff, n);
        float scale = scale(Checks.notNull("reduction", reduction), n);
        return kernels().binaryCrossEntropyWithLogits(n, logits, lOff, targets, tOff, grad, gOff, scale) * scale;
    }

    /**
     * Multiclass hinge loss, PyTorch's {@code MultiMarginLoss(p=1, margin)}: per row
     * Σ_{j≠y} max(0, margin − x_y + x_j) / cols (÷ rows for MEAN); grad the subgradient (the kink counts as
     * inactive).
     */
    public static double multiclassHinge(int rows, int cols, float[] scores, int sOff, int[] labels, int labOff,
                                         float margin, float[] grad, int gOff, Reduction reduction) {
        checkBlock(rows, cols);
        Checks.finite("margin", margin);
        checkRange("scores", scores, sOff, (long) rows * cols);
        checkLabels(rows, cols, labels, labOff);
        checkGrad(grad, gOff, (long) rows * cols);
        float scale = scale(Checks.notNull("reduction", reduction), rows);
        return kernels().multiclassHinge(rows, cols, scores, sOff, labels, labOff, margin, grad, gOff, scale) * scale;
    }

    private static float scale(Reduction reduction, int count) {
        return reduction == Reduction.MEAN && count > 0 ? 1f / count : 1f;
    }

    private static void checkBlock(int rows, int cols) {
        Checks.nonNegative("rows", rows);
        if (cols < 1) {
            throw new IllegalArgumentException("cols must be >= 1, got " + cols);
        }
    }

    private static void checkRange(String name, float[] a, int off, long n) {
        Checks.range(name, Checks.notNull(name, a).length, off, n);
    }

    private static void checkGrad(float[] grad, int gOff, long n) {
        if (grad != null) {
            Checks.range("grad", grad.length, gOff, n);
        }
    }

    private static void checkLabels(int rows, int cols, int[] labels, int off) {
        Checks.range("labels", Checks.notNull("labels", labels).length, off, rows);
        for (int r = 0; r < rows; r++) {
            int label = labels[off + r];
            if (label < 0 || label >= cols) {
                throw new IllegalArgumentException("labels[" + (off + r) + "] = " + label + " (row " + r
                        + ") is outside [0, " + cols + ")");
            }
        }
    }
}
