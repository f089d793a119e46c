package dev.simdnn.props.arb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Matrix dimensions biased to where blocked kernels break: 1, small primes, the register blocks ± 1
 * (MR = 8; NR = 16 and 32 for 256/512-bit floats, 8 and 16 for doubles) and the depth block KC ± 1.
 */
public final class Dimensions {
    private Dimensions() {}

    /** Values next to block edges that a uniform draw would rarely hit. */
    public static final int[] EDGES = {1, 2, 3, 5, 7, 8, 9, 13, 15, 16, 17, 31, 32, 33, 63, 64, 65, 97, 127, 251, 255,
        256, 257};

    /** 1..max: half the time an edge value (≤ max), else uniform. */
    public static Arbitrary<Integer> upTo(int max) {
        Integer[] edges = java.util.Arrays.stream(EDGES).filter(v -> v <= max).boxed().toArray(Integer[]::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(edges)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, max)));
    }

    /** A depth: like {@link #upTo} plus the depth block KC ± 1 (a second pass over C starts at KC + 1). */
    public static Arbitrary<Integer> depth(int max, int kc) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, upTo(max)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(kc - 1, kc, kc + 1)));
    }

    /** Whether a value sits on an edge (for coverage statistics). */
    public static boolean isEdge(int v) {
        return java.util.Arrays.stream(EDGES).anyMatch(e -> e == v);
    }
}
