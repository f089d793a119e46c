package dev.simdnn.core.internal.loss;

import dev.simdnn.core.internal.blas1.Blas1Panama;

import dev.simdnn.core.internal.PanamaReductions;
import dev.simdnn.core.internal.PanamaSpecies;
import dev.simdnn.core.internal.math.FloatMath;
import dev.simdnn.core.internal.math.FloatMathPanama;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API row primitives: one vector accumulator per sum (rows are short, ~10-1000 elements), one lane sum per
 * row ({@link PanamaReductions#sum}: a fixed order on every JIT tier), {@link FloatMathPanama} for the
 * transcendentals (the same bits as {@link FloatMath}), scalar tails.
 */
public final class LossPanama extends RowLosses {

    public LossPanama() {
        super(new Blas1Panama());
    }
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();

    @Override
    public float expSum(int n, float[] x, int xOff, float shift, float[] dst, int dstOff) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector e = FloatMathPanama.expNonPositive(FloatVector.fromArray(S, x, xOff + j).sub(shift));
            if (dst != null) {
                e.intoArray(dst, dstOff + j);
            }
            acc = acc.add(e);
        }
        float sum = PanamaReductions.sum(acc);
        for (; j < n; j++) {
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
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector v = FloatVector.fromArray(S, e, eOff + j).mul(c);
            if (y != null) {
                v = v.sub(FloatVector.fromArray(S, y, yOff + j));
            }
            v.mul(s).intoArray(out, outOff + j);
        }
        for (; j < n; j++) {
            out[outOff + j] = (e[eOff + j] * c - (y == null ? 0f : y[yOff + j])) * s;
        }
    }

    @Override
    public void subtract(int n, float[] x, int xOff, float shift, float[] out, int outOff) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector.fromArray(S, x, xOff + j).sub(shift).intoArray(out, outOff + j);
        }
        for (; j < n; j++) {
            out[outOff + j] = x[xOff + j] - shift;
        }
    }

    @Override
    public void weightedSums(int n, float[] x, int xOff, float[] y, int yOff, double[] result) {
        FloatVector yx = FloatVector.zero(S), sy = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector t = FloatVector.fromArray(S, y, yOff + j);
            yx = t.fma(FloatVector.fromArray(S, x, xOff + j), yx);
            sy = sy.add(t);
        }
        float a = PanamaReductions.sum(yx), b = PanamaReductions.sum(sy);
        for (; j < n; j++) {
            a += y[yOff + j] * x[xOff + j];
            b += y[yOff + j];
        }
        result[0] = a;
        result[1] = b;
    }

    @Override
    public double squaredError(int n, float[] p, int pOff, float[] t, int tOff, float[] grad, int gOff, float s) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector d = FloatVector.fromArray(S, p, pOff + j).sub(FloatVector.fromArray(S, t, tOff + j));
            acc = d.fma(d, acc);
            if (grad != null) {
                d.mul(s).intoArray(grad, gOff + j);
            }
        }
        double sum = PanamaReductions.sum(acc);
        for (; j < n; j++) {
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
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j), t = FloatVector.fromArray(S, y, yOff + j);
            FloatVector e = FloatMathPanama.expNonPositive(v.abs().neg());
            acc = acc.add(v.max(0f).sub(v.mul(t)).add(FloatMathPanama.log1pUnit(e)));
            if (grad != null) {
                FloatMathPanama.sigmoidOfExp(v, e).sub(t).mul(s).intoArray(grad, gOff + j);
            }
        }
        double sum = PanamaReductions.sum(acc);
        for (; j < n; j++) {
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
        FloatVector acc = FloatVector.zero(S);
        int active = 0;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector m = FloatVector.fromArray(S, x, xOff + j).add(shift);
            VectorMask<Float> on = m.compare(VectorOperators.GT, 0f);
            acc = acc.add(m, on);
            active += on.trueCount();
            if (grad != null) {
                FloatVector.zero(S).blend(s, on).intoArray(grad, gOff + j);
            }
        }
        double sum = PanamaReductions.sum(acc);
        for (; j < n; j++) {
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
