package dev.simdnn.core.internal.elementwise;

/**
 * Inverted dropout with a counter-based random generator: element i of a call keeps its value, scaled by
 * 1/keep, when {@code uniform(seed, counter + i) < keep}, else becomes 0·x (so NaN stays NaN). The mask is a
 * pure function of (seed, counter + i): the backward pass recomputes it instead of storing it, and any split of
 * a batch over threads or calls gives the same mask as long as each part passes its global element index as
 * {@code counter}.
 *
 * <p>The generator: {@code h = mix(mix((int) c ^ k0) ^ (int) (c >>> 32) ^ k1)}, with {@code k0, k1} the two
 * halves of SplitMix64(seed) and {@code mix} the "lowbias32" integer hash (C. Wellons); the uniform is the top 24
 * bits of h times 2^-24. Both twins compute it in 32-bit integer arithmetic and agree bit for bit.
 */
public interface DropoutKernels {
    /** y = x · m, m = 1/keep where kept, 0 elsewhere. {@code y == x} allowed. */
    void forward(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y, int yOff);

    /** dx = dy · m with the same mask. {@code dx == dy} allowed. */
    void backward(int n, float keep, long seed, long counter, float[] dy, int dyOff, float[] dx, int dxOff);

    /** The mask itself (1/keep or 0), e.g. for tests and for layers that want to keep it. */
    void mask(int n, float keep, long seed, long counter, float[] m, int mOff);

    /** SplitMix64's finaliser: spreads a user seed over both 32-bit keys. */
    static long keys(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** lowbias32: a 32-bit integer hash with low bias (C. Wellons, "Prospecting for hash functions"). */
    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    /** The uniform in [0, 1) for a global element index. */
    static float uniform(long keys, long index) {
        int k0 = (int) keys, k1 = (int) (keys >>> 32);
        int h = mix(mix((int) index ^ k0) ^ (int) (index >>> 32) ^ k1);
        return (h >>> 8) * 0x1p-24f;
    }
}
