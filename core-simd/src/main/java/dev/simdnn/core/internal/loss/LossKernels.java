package dev.simdnn.core.internal.loss;

/**
 * Softmax, log-softmax and losses on batch-major {@code rows x cols} float blocks (rows = samples, contiguous).
 * Inputs are valid (checked by {@link dev.simdnn.core.Losses}). Each loss returns the <b>sum</b> of the
 * per-sample losses (accumulated in double) and, when {@code grad != null}, writes {@code scale·∂(sum)/∂input}:
 * the facade picks {@code scale} (1 for a sum reduction, 1/rows or 1/elements for a mean).
 */
public interface LossKernels {
    /** y = softmax(x) per row: exp(x − max) / Σ exp(x − max). {@code y == x} allowed. */
    void softmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff);

    /** y = log softmax(x) per row: x − max − log Σ exp(x − max). {@code y == x} allowed. */
    void logSoftmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff);

    /** Cross-entropy of softmax(logits) against integer labels; grad = scale·(softmax − onehot). */
    double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] labels, int labOff,
                               float[] grad, int gOff, float scale);

    /**
     * Cross-entropy of softmax(logits) against soft targets y (e.g. a teacher's probabilities):
     * per row Σ_j y_j·(lse − x_j); grad = scale·(softmax·Σy − y), which is softmax − y when Σy = 1.
     */
    double softmaxCrossEntropySoft(int rows, int cols, float[] logits, int lOff, float[] targets, int tOff,
                                   float[] grad, int gOff, float scale);

    /** Σ (p − t)² over n elements; grad = scale·(p − t) (the facade folds the ½ and the 2 into scale). */
    double squaredError(int n, float[] pred, int pOff, float[] target, int tOff, float[] grad, int gOff, float scale);

    /**
     * Binary cross-entropy with logits, Σ max(x, 0) − x·y + log(1 + e^−|x|) (never log 0, no overflow);
     * grad = scale·(sigmoid(x) − y).
     */
    double binaryCrossEntropyWithLogits(int n, float[] logits, int lOff, float[] targets, int tOff, float[] grad,
                                        int gOff, float scale);

    /**
     * Multiclass hinge (PyTorch's {@code MultiMarginLoss}, p = 1): per row Σ_{j≠y} max(0, margin − x_y + x_j) / cols;
     * grad = scale·∂/∂x.
     */
    double multiclassHinge(int rows, int cols, float[] scores, int sOff, int[] labels, int labOff, float margin,
                           float[] grad, int gOff, float scale);
}
