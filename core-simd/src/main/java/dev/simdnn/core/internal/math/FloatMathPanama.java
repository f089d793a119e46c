package dev.simdnn.core.internal.math;

import static dev.simdnn.core.internal.math.FloatMath.E0;
import static dev.simdnn.core.internal.math.FloatMath.E1;
import static dev.simdnn.core.internal.math.FloatMath.E2;
import static dev.simdnn.core.internal.math.FloatMath.E3;
import static dev.simdnn.core.internal.math.FloatMath.E4;
import static dev.simdnn.core.internal.math.FloatMath.E5;
import static dev.simdnn.core.internal.math.FloatMath.EXP_MAX;
import static dev.simdnn.core.internal.math.FloatMath.EXP_MIN;
import static dev.simdnn.core.internal.math.FloatMath.L1;
import static dev.simdnn.core.internal.math.FloatMath.L2;
import static dev.simdnn.core.internal.math.FloatMath.L3;
import static dev.simdnn.core.internal.math.FloatMath.L4;
import static dev.simdnn.core.internal.math.FloatMath.LN2;
import static dev.simdnn.core.internal.math.FloatMath.LN2_HI;
import static dev.simdnn.core.internal.math.FloatMath.LN2_LO;
import static dev.simdnn.core.internal.math.FloatMath.LOG1P_SPLIT;
import static dev.simdnn.core.internal.math.FloatMath.LOG2E;
import static dev.simdnn.core.internal.math.FloatMath.ROUND;
import static dev.simdnn.core.internal.math.FloatMath.ROUND_BITS;
import static dev.simdnn.core.internal.math.FloatMath.T0;
import static dev.simdnn.core.internal.math.FloatMath.T1;
import static dev.simdnn.core.internal.math.FloatMath.T2;
import static dev.simdnn.core.internal.math.FloatMath.T3;
import static dev.simdnn.core.internal.math.FloatMath.T4;
import static dev.simdnn.core.internal.math.FloatMath.TANH_SMALL;
import static dev.simdnn.core.internal.math.FloatMath.TINY;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} lane by lane: the same operations in the same order, so every lane gets the bits the scalar
 * function gives (the method and the accuracy are documented there). Where the scalar code branches, both sides
 * are computed and blended on the same condition. Small static methods on vectors, which C2 inlines into the
 * calling loop (a vector that escapes a method that did not inline is boxed: 10-30x slower).
 */
public final class FloatMathPanama {
    private FloatMathPanama() {}

    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;

    /** e^x per lane. */
    public static FloatVector exp(FloatVector x) {
        FloatVector v = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = v.fma(LOG2E, ROUND);
        IntVector k = t.reinterpretAsInts().sub(ROUND_BITS);
        FloatVector q = expm1Reduced(reduce(v, t.sub(ROUND)));
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = powerOfTwo(k1);
        return s1.fma(q, s1).mul(powerOfTwo(k.sub(k1)));
    }

    /**
     * e^x − 1 per lane. The reduction is written out again rather than shared with {@link #exp} through a flag as in
     * {@link FloatMath}: a vector chosen by a branch ({@code flag ? a : b}) made C2 box it, 17 KB per training step.
     */
    public static FloatVector expm1(FloatVector x) {
        FloatVector v = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = v.fma(LOG2E, ROUND);
        IntVector k = t.reinterpretAsInts().sub(ROUND_BITS);
        FloatVector q = expm1Reduced(reduce(v, t.sub(ROUND)));
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        FloatVector s1 = powerOfTwo(k1);
        FloatVector y = s1.fma(q, s1.sub(powerOfTwo(k2.neg()))).mul(powerOfTwo(k2));
        return y.blend(x, x.abs().compare(VectorOperators.LT, TINY));
    }

    /** tanh x per lane. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector s = x.mul(x);
        FloatVector p = horner(horner(horner(s.fma(T4, T3), s, T2), s, T1), s, T0);
        FloatVector small = p.mul(s).fma(x, x);
        FloatVector e = exp(a.mul(-2f));
        FloatVector t = e.neg().add(1f).div(e.add(1f));
        FloatVector large = t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
        return large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL))
                .blend(x, a.compare(VectorOperators.LT, TINY));
    }

    /** log(1 + u) per lane, for u in [0, 1] (see {@link FloatMath#log1pUnit}). */
    public static FloatVector log1pUnit(FloatVector u) {
        VectorMask<Float> high = u.compare(VectorOperators.GT, LOG1P_SPLIT);
        FloatVector s = u.blend(u.sub(1f), high).div(u.add(2f).blend(u.add(3f), high));
        FloatVector w = s.mul(s);
        FloatVector p = horner(horner(w.fma(L4, L3), w, L2), w, L1).mul(w);
        FloatVector twoS = s.add(s);
        return twoS.fma(p, twoS).add(FloatVector.zero(S).blend(LN2, high));
    }

    /** 1/(1 + e^−v) per lane, as {@link FloatMath#sigmoid}. */
    public static FloatVector sigmoid(FloatVector v) {
        return sigmoidOfExp(v, exp(v.abs().neg()));
    }

    /** As {@link FloatMath#sigmoidOfExp}: σ(v) per lane from e = e^−|v|. */
    public static FloatVector sigmoidOfExp(FloatVector v, FloatVector e) {
        return e.blend(1f, v.compare(VectorOperators.GE, 0f)).div(e.add(1f));
    }

    /** As {@link FloatMath#reduce}. */
    private static FloatVector reduce(FloatVector v, FloatVector n) {
        return n.fma(FloatVector.broadcast(S, -LN2_LO), n.fma(FloatVector.broadcast(S, -LN2_HI), v));
    }

    /** As {@link FloatMath#expm1Reduced}. */
    private static FloatVector expm1Reduced(FloatVector r) {
        FloatVector p = horner(horner(horner(horner(r.fma(E5, E4), r, E3), r, E2), r, E1), r, E0);
        return p.fma(r.mul(r), r);
    }

    /** One Horner step, p·x + c. */
    private static FloatVector horner(FloatVector p, FloatVector x, float c) {
        return p.fma(x, FloatVector.broadcast(S, c));
    }

    /** As {@link FloatMath#powerOfTwo}. */
    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}
