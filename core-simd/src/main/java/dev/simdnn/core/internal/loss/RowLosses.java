package dev.simdnn.core.internal.loss;

import dev.simdnn.core.internal.blas1.Blas1Kernels;

/**
 * The row-structured losses, written once over {@link RowPrimitives} (the element-wise ones, squared error
 * and binary cross-entropy, are primitives of each twin): every row is reduced with max subtraction
 * (log-sum-exp), so exp never overflows and no log(0) is taken; per-row losses are summed in double.
 */
abstract class RowLosses implements LossKernels, RowPrimitives {
    private final Blas1Kernels blas1;

    /** {@code blas1}: the same backend's level-1 kernels, for the row maxima and the soft targets' sums. */
    RowLosses(Blas1Kernels blas1) {
        this.blas1 = blas1;
    }

    private float max(int n, float[] x, int off) {
        return blas1.max(n, x, off);
    }

    @Override
    public final void softmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            float max = max(cols, x, xOff + o);
            float sum = expSum(cols, x, xOff + o, max, y, yOff + o);
            scaledDifference(cols, y, yOff + o, 1f / sum, null, 0, 1f, y, yOff + o);
        }
    }

    @Override
    public final void logSoftmax(int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            subtract(cols, x, xOff + o, logSumExp(cols, x, xOff + o), y, yOff + o);
        }
    }

    /** max + log Σ exp(x − max): exact to a few ulps, never overflows. */
    private float logSumExp(int n, float[] x, int off) {
        float max = max(n, x, off);
        return max + (float) Math.log(expSum(n, x, off, max, null, 0));
    }

    @Override
    public final double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] labels, int labOff,
                                            float[] grad, int gOff, float scale) {
        double total = 0;
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            float max = max(cols, logits, lOff + o);
            float sum = expSum(cols, logits, lOff + o, max, grad, gOff + o);
            int label = labels[labOff + r];
            total += (double) max + Math.log(sum) - logits[lOff + o + label];
            if (grad != null) {
                scaledDifference(cols, grad, gOff + o, 1f / sum, null, 0, scale, grad, gOff + o);
                grad[gOff + o + label] -= scale;
            }
        }
        return total;
    }

    @Override
    public final double softmaxCrossEntropySoft(int rows, int cols, float[] logits, int lOff, float[] targets,
                                                int tOff, float[] grad, int gOff, float scale) {
        double total = 0;
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            float max = max(cols, logits, lOff + o);
            float sum = expSum(cols, logits, lOff + o, max, grad, gOff + o);
            double lse = (double) max + Math.log(sum);
            double targetSum = blas1.sum(cols, targets, tOff + o);
            total += lse * targetSum - blas1.dot(cols, targets, tOff + o, logits, lOff + o);
            if (grad != null) {
                scaledDifference(cols, grad, gOff + o, (float) (targetSum / sum), targets, tOff + o, scale, grad,
                        gOff + o);
            }
        }
        return total;
    }

    @Override
    public final double multiclassHinge(int rows, int cols, float[] scores, int sOff, int[] labels, int labOff,
                                        float margin, float[] grad, int gOff, float scale) {
        double total = 0;
        float s = scale / cols;
        for (int r = 0, o = 0; r < rows; r++, o += cols) {
            int label = labels[labOff + r];
            float xy = scores[sOff + o + label];
            float shift = margin - xy;
            // Remove the label's own term max(0, margin), counted by hingeSum with x_j = x_y.
            boolean selfActive = xy + shift > 0f;
            total += (hingeSum(cols, scores, sOff + o, shift) - (selfActive ? xy + shift : 0f)) / cols;
            if (grad != null) {
                int active = hingeGradient(cols, scores, sOff + o, shift, grad, gOff + o, s) - (selfActive ? 1 : 0);
                grad[gOff + o + label] = (float) (-(double) active * s);
            }
        }
        return total;
    }
}
