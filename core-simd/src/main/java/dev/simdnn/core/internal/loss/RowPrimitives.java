package dev.simdnn.core.internal.loss;

/**
 * The per-row operations the losses are built from; {@link LossScalar} and {@link LossPanama} implement them,
 * {@link RowLosses} composes them once for both.
 */
interface RowPrimitives {
    /**
     * Σ exp(x_j − shift); also stores each exp(x_j − shift) in dst when dst is non-null. shift ≥ every x_j (the row's
     * max): the exponential is only defined for x_j − shift ≤ 0.
     */
    float expSum(int n, float[] x, int xOff, float shift, float[] dst, int dstOff);

    /** out_j = (e_j·c − y_j)·s, with y = 0 when {@code y == null}; {@code out == e} allowed. */
    void scaledDifference(int n, float[] e, int eOff, float c, float[] y, int yOff, float s, float[] out, int outOff);

    /** out_j = x_j − shift. */
    void subtract(int n, float[] x, int xOff, float shift, float[] out, int outOff);

    /** Σ_j max(0, x_j + shift) over all j (the caller removes the label's own term). */
    double hingeSum(int n, float[] x, int xOff, float shift);

    /** grad_j = s where x_j + shift > 0, else 0; returns the number of such j. */
    int hingeGradient(int n, float[] x, int xOff, float shift, float[] grad, int gOff, float s);
}
