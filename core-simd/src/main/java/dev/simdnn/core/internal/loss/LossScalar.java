package dev.simdnn.core.internal.loss;

import dev.simdnn.core.internal.blas1.Blas1Scalar;
import dev.simdnn.core.internal.math.FloatMath;

/** Plain-Java twin of {@link LossPanama}: one accumulator per sum, {@link FloatMath}'s transcendentals. */
public final class LossScalar extends RowLosses {

    public LossScalar() {
        super(new Blas1Scalar());
    }

    @Override
    public float expSum(int n, float[] x, int xOff, float shift, float[] dst, int dstOff) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            float e = FloatMath.expNonPositive(x[xOff + j] - shift);
            if (dst != null) {
                dst[dstOff + j] = e;
            }
            sum += e;
        }
        return sum;
    }

    @Override
    public void scaledDifference(int n, float[] e, int eOff, float c, float[] y, int yOff, float s, float[] out,
                                 int outOff) {
        for (int j = 0; j < n; j++) {
            out[outOff + j] = (e[eOff + j] * c - (y == null ? 0f : y[yOff + j])) * s;
        }
    }

    @Override
    public void subtract(int n, float[] x, int xOff, float shift, float[] out, int outOff) {
        for (int j = 0; j < n; j++) {
            out[outOff + j] = x[xOff + j] - shift;
        }
    }

    @Override
    public double squaredError(int n, float[] p, int pOff, float[] t, int tOff, float[] grad, int gOff, float s) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            float d = p[pOff + j] - t[tOff + j];
            sum += d * d;
            if (grad != null) {
                grad[gOff + j] = s * d;
            }
        }
        return sum;
    }

    @Override
    public double binaryCrossEntropyWithLogits(int n, float[] x, int xOff, float[] y, int yOff, float[] grad,
                                               int gOff, float s) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            float v = x[xOff + j], t = y[yOff + j];
            sum += FloatMath.softplus(v) - v * t;
            if (grad != null) {
                grad[gOff + j] = s * (FloatMath.sigmoid(v) - t);
            }
        }
        return sum;
    }

    @Override
    public double hingeSum(int n, float[] x, int xOff, float shift) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            sum += Math.max(x[xOff + j] + shift, 0f);
        }
        return sum;
    }

    @Override
    public int hingeGradient(int n, float[] x, int xOff, float shift, float[] grad, int gOff, float s) {
        int active = 0;
        for (int j = 0; j < n; j++) {
            boolean on = x[xOff + j] + shift > 0f;
            active += on ? 1 : 0;
            grad[gOff + j] = on ? s : 0f;
        }
        return active;
    }
}
