package dev.simdnn.layers.check;

/**
 * Which side of every kink a forward pass was on, folded into one 64-bit hash: the reference paths record the side
 * of each ReLU-like input (v > 0 or not; hard tanh's three regions), each maxout arg-max and each hinge term's
 * activity. Two points with different signatures lie on different pieces of a piecewise function, so a central
 * difference between them straddles a kink and says nothing about the derivative; the gradient checker skips such
 * entries (and counts them) instead of failing on them. Smooth functions record nothing.
 */
public final class KinkSignature {
    private long hash;
    private long recorded;

    /** Records the piece index {@code side} of the next kinked quantity. */
    public void record(int side) {
        hash = mix(hash + side + 0x9E3779B97F4A7C15L);
        recorded++;
    }

    /** Clears the signature for the next evaluation. */
    public void reset() {
        hash = 0;
        recorded = 0;
    }

    /** The folded signature. */
    public long value() {
        return hash;
    }

    /** How many kinked quantities were recorded. */
    public long recorded() {
        return recorded;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
