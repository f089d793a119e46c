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
    public void weightedSums(int n, float[] x, int xOff, float[] y, int yOff, double[] result) {
        float yx = 0f, sy = 0f;
        for (int j = 0; j < n; j++) {
            yx += y[yOff + j] * x[xOff + j];
            sy += y[yOff + j];
        }
        result[0] = yx;
        result[1] = sy;
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
            float e = FloatMath.expNonPositive(-Math.abs(v));
            sum += Math.max(v, 0f) - v * t + FloatMath.log1pUnit(e);
            if (grad != null) {
                grad[gOff + j] = s * (FloatMath.sigmoidOfExp(v, e) - t);
            }
        }
        return sum;
    }

    @Override
    public void hingeTerms(int n, float[] x, int xOff, float shift, float[] grad, int gOff, float s, double[] result) {
        float sum = 0f;
        int active = 0;
        for (int j = 0; j < n; j++) {
            float m = x[xOff + j] + shift;
            boolean on = m > 0f;
            sum += on ? m : 0f;
            active += on ? 1 : 0;
            if (grad != null) {
                grad[gOff + j] = on ? s : 0f;
            }
        }
        result[0] = sum;
        result[1] = active;
    }
}
