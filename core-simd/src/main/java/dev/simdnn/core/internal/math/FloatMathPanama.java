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
import static dev.simdnn.core.internal.math.FloatMath.ROUND_SCALED;
import static dev.simdnn.core.internal.math.FloatMath.T0;
import static dev.simdnn.core.internal.math.FloatMath.T1;
import static dev.simdnn.core.internal.math.FloatMath.T2;
import static dev.simdnn.core.internal.math.FloatMath.T3;
import static dev.simdnn.core.internal.math.FloatMath.T4;
import static dev.simdnn.core.internal.math.FloatMath.TANH_SMALL;
import static dev.simdnn.core.internal.math.FloatMath.TINY;
import static dev.simdnn.core.internal.math.FloatMath.TWO_TO_MINUS_64;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} lane by lane: the same operations in the same order, so every lane gets the bits the scalar
 * function gives (the method and the accuracy are documented there). Where the scalar code branches, both sides
 * are computed and blended on the same condition.
 *
 * <p>Static methods on vectors, which C2 must inline into the calling loop: a vector that crosses a call that was not
 * inlined is boxed (10-30x slower, and allocating). C2 stops inlining methods of ours, though not the Vector API's
 * own (forced) ones, once the compilation it is in has created 18,000 nodes ({@code NodeCountInliningCutoff}), and a
 * Vector API operation costs 400-800 nodes. So these bodies are written with no helper of their own (the
 * polynomials are spelled out in each exponential), and {@link #tanh} calls its exponential first: after the first
 * few hundred nodes of a function, every call in it is to the Vector API. Measured on the tanh epilogue: with helpers
 * the last of them came at 17,850-18,070 nodes, and in 1 JVM in 4 to 30 it was past the cut-off.
 */
public final class FloatMathPanama {
    private FloatMathPanama() {}

    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    /**
     * Bits move between float and int lanes by {@code reinterpretShape} to this constant species, not by
     * {@code reinterpretAsInts()}/{@code reinterpretAsFloats()}: those find their target species at run time, from
     * the Vector API's species cache and the type profile of its shared {@code convert0}, and in about 1 JVM in 4 C2
     * could not prove it constant, so the reinterpret intrinsic failed and every vector of the loop was boxed (a driver
     * of the tanh epilogue: 9 of 30 JVMs allocated before, 0 of 130 after, tiered or not, 128- or 256-bit vectors).
     */
    private static final VectorSpecies<Integer> I = PanamaSpecies.INT;

    /** e^x per lane for x ≤ 0, as {@link FloatMath#expNonPositive}. */
    public static FloatVector expNonPositive(FloatVector x) {
        FloatVector v = x.max(EXP_MIN);
        FloatVector t = v.fma(LOG2E, ROUND_SCALED);
        IntVector bits = (IntVector) t.reinterpretShape(I, 0);
        FloatVector s = (FloatVector) bits.lanewise(VectorOperators.LSHL, 23).reinterpretShape(S, 0);
        FloatVector n = t.sub(ROUND_SCALED);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_LO), n.fma(FloatVector.broadcast(S, -LN2_HI), v));
        FloatVector p = r.fma(E5, E4).fma(r, FloatVector.broadcast(S, E3)).fma(r, FloatVector.broadcast(S, E2))
                .fma(r, FloatVector.broadcast(S, E1)).fma(r, FloatVector.broadcast(S, E0));
        FloatVector q = p.fma(r.mul(r), r);
        return s.fma(q, s).mul(TWO_TO_MINUS_64);
    }

    /** e^x − 1 per lane, as {@link FloatMath#expm1}. */
    public static FloatVector expm1(FloatVector x) {
        FloatVector v = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = v.fma(LOG2E, ROUND);
        IntVector k = ((IntVector) t.reinterpretShape(I, 0)).sub(ROUND_BITS);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_LO), n.fma(FloatVector.broadcast(S, -LN2_HI), v));
        FloatVector p = r.fma(E5, E4).fma(r, FloatVector.broadcast(S, E3)).fma(r, FloatVector.broadcast(S, E2))
                .fma(r, FloatVector.broadcast(S, E1)).fma(r, FloatVector.broadcast(S, E0));
        FloatVector q = p.fma(r.mul(r), r);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        FloatVector s1 = (FloatVector) k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(S, 0);
        FloatVector s2 = (FloatVector) k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(S, 0);
        FloatVector sm = (FloatVector) k2.neg().add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(S, 0);
        FloatVector y = s1.fma(q, s1.sub(sm)).mul(s2);
        return y.blend(x, x.abs().compare(VectorOperators.LT, TINY));
    }

    /** tanh x per lane. The exponential comes first (see the class comment). */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector e = expNonPositive(a.mul(-2f));
        FloatVector s = x.mul(x);
        FloatVector p = s.fma(T4, T3).fma(s, FloatVector.broadcast(S, T2)).fma(s, FloatVector.broadcast(S, T1))
                .fma(s, FloatVector.broadcast(S, T0));
        FloatVector small = p.mul(s).fma(x, x);
        FloatVector t = e.neg().add(1f).div(e.add(1f));
        FloatVector large = t.blend(t.neg(), x.compare(VectorOperators.LT, 0f));
        return large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL))
                .blend(x, a.compare(VectorOperators.LT, TINY));
    }

    /**
     * Softplus, max(v, 0) + log(1 + e^−|v|) per lane, as {@link FloatMath#softplus}; {@link FloatMath#log1pUnit}'s
     * operations are written out after the exponential (no call after it, see the class comment).
     */
    public static FloatVector softplus(FloatVector v) {
        FloatVector u = expNonPositive(v.abs().neg());
        VectorMask<Float> high = u.compare(VectorOperators.GT, LOG1P_SPLIT);
        FloatVector s = u.blend(u.sub(1f), high).div(u.add(2f).blend(u.add(3f), high));
        FloatVector w = s.mul(s);
        FloatVector p = w.fma(L4, L3).fma(w, FloatVector.broadcast(S, L2)).fma(w, FloatVector.broadcast(S, L1)).mul(w);
        FloatVector twoS = s.add(s);
        return v.max(0f).add(twoS.fma(p, twoS).add(FloatVector.zero(S).blend(LN2, high)));
    }

    /** 1/(1 + e^−v) per lane, as {@link FloatMath#sigmoid} (its last step written out: no call after the exp). */
    public static FloatVector sigmoid(FloatVector v) {
        FloatVector e = expNonPositive(v.abs().neg());
        return e.blend(1f, v.compare(VectorOperators.GE, 0f)).div(e.add(1f));
    }
}
