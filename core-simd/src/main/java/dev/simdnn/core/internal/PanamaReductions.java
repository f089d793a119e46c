package dev.simdnn.core.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, the same on every JIT tier. {@code reduceLanes(ADD)} on floats
 * leaves the order unspecified, and HotSpot's interpreter and C2 use different orders: on 1000 random 8-lane vectors
 * 551 sums differed in the last bits between the first (interpreted) and a later (compiled) call. A softmax or dot
 * product could then change with JIT timing, and training with it. The order here is a pairwise tree:
 * lane i + lane i + L/2, then the same on the first half, down to one lane, in IEEE arithmetic (each lanewise add and
 * rearrangement is exact in every tier). It runs once per reduction, outside the hot loops.
 */
public final class PanamaReductions {
    private PanamaReductions() {}

    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();
    /**
     * Lane i takes lane i + k (mod L): rotations by L/2, L/4, ..., 1 (those wider than the vector are not used).
     * Public for a kernel that must write {@link #sum} out rather than call it (a method C2 compiles past its
     * inlining cut-off, see FloatMathPanama).
     */
    public static final VectorShuffle<Float> BY_8 = VectorShuffle.iota(S, 8, 1, true);
    public static final VectorShuffle<Float> BY_4 = VectorShuffle.iota(S, 4, 1, true);
    public static final VectorShuffle<Float> BY_2 = VectorShuffle.iota(S, 2, 1, true);
    public static final VectorShuffle<Float> BY_1 = VectorShuffle.iota(S, 1, 1, true);

    /** Σ lanes of v (of {@link PanamaSpecies#FLOAT}), pairwise, in a fixed order; up to 16 lanes. */
    public static float sum(FloatVector v) {
        if (L == 16) {
            v = v.add(v.rearrange(BY_8));
        }
        if (L >= 8) {
            v = v.add(v.rearrange(BY_4));
        }
        if (L >= 4) {
            v = v.add(v.rearrange(BY_2));
        }
        return v.add(v.rearrange(BY_1)).lane(0);
    }
}
