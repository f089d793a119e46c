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

    /**
     * Two loops in methods of their own, the gradient's and the loss's, each calling one {@link FloatMathPanama}
     * function first (C2 stops inlining our methods past 18,000 nodes, and a vector that crosses a call is boxed:
     * with both loops and the final reduction in one method, the reduction or the second loop's function was cut off,
     * in every JVM of {@code KernelAllocationTest}). The gradient's loop computes e^−|v| a second time for that.
     */
    @Override
    public double binaryCrossEntropyWithLogits(int n, float[] x, int xOff, float[] y, int yOff, float[] grad,
                                               int gOff, float s) {
        if (grad != null) {
            binaryCrossEntropyGradient(n, x, xOff, y, yOff, grad, gOff, s);
        }
        return binaryCrossEntropySum(n, x, xOff, y, yOff);
    }

    /** grad_j = s·(σ(x_j) − y_j). */
    private static void binaryCrossEntropyGradient(int n, float[] x, int xOff, float[] y, int yOff, float[] grad,
                                                   int gOff, float s) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector sigma = FloatMathPanama.sigmoid(FloatVector.fromArray(S, x, xOff + j));
            sigma.sub(FloatVector.fromArray(S, y, yOff + j)).mul(s).intoArray(grad, gOff + j);
        }
        for (; j < n; j++) {
            grad[gOff + j] = s * (FloatMath.sigmoid(x[xOff + j]) - y[yOff + j]);
        }
    }

    /** Σ_j softplus(x_j) − x_j·y_j. */
    private static double binaryCrossEntropySum(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + j);
            FloatVector softplus = FloatMathPanama.softplus(v);
            acc = acc.add(softplus.sub(v.mul(FloatVector.fromArray(S, y, yOff + j))));
        }
        // PanamaReductions.sum written out: the loop above is ~18,000 nodes, and a call after it was cut off.
        if (L == 16) {
            acc = acc.add(acc.rearrange(PanamaReductions.BY_8));
        }
        if (L >= 8) {
            acc = acc.add(acc.rearrange(PanamaReductions.BY_4));
        }
        if (L >= 4) {
            acc = acc.add(acc.rearrange(PanamaReductions.BY_2));
        }
        double sum = acc.add(acc.rearrange(PanamaReductions.BY_1)).lane(0);
        for (; j < n; j++) {
            sum += FloatMath.softplus(x[xOff + j]) - x[xOff + j] * y[yOff + j];
        }
        return sum;
    }

    @Override
    public double hingeSum(int n, float[] x, int xOff, float shift) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            acc = acc.add(FloatVector.fromArray(S, x, xOff + j).add(shift).max(0f));
        }
        double sum = PanamaReductions.sum(acc);
        for (; j < n; j++) {
            sum += Math.max(x[xOff + j] + shift, 0f);
        }
        return sum;
    }

    @Override
    public int hingeGradient(int n, float[] x, int xOff, float shift, float[] grad, int gOff, float s) {
        int active = 0;
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, x, xOff + j).add(shift).compare(VectorOperators.GT, 0f);
            active += on.trueCount();
            FloatVector.zero(S).blend(s, on).intoArray(grad, gOff + j);
        }
        for (; j < n; j++) {
            boolean on = x[xOff + j] + shift > 0f;
            active += on ? 1 : 0;
            grad[gOff + j] = on ? s : 0f;
        }
        return active;
    }
}
