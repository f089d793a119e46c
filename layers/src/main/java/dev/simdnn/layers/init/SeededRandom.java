package dev.simdnn.layers.init;

/**
 * A small, fully specified random generator, so that a seed gives the same weights on every machine and JDK:
 * SplitMix64 (Steele, Lea and Flood 2014) for the bits, 53-bit doubles in [0, 1), and Gaussians by the Box–Muller
 * transform computed with {@link StrictMath} (whose results the Java specification fixes bit for bit).
 * {@code java.util.Random}'s Gaussian and {@code SplittableRandom}'s streams are not used, because their
 * algorithms may change between JDK releases. Not thread-safe; one instance per tensor.
 */
public final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;
    private double spareGaussian = Double.NaN;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** An independent generator for stream {@code index} of this seed (e.g. one per tensor). */
    public static SeededRandom forStream(long seed, long index) {
        return new SeededRandom(mix(seed ^ mix(index + GOLDEN_GAMMA)));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        if ((m & 0xFFFFFFFFL) < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while ((m & 0xFFFFFFFFL) < threshold) {
                m = (nextLong() >>> 32) * bound;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal, Box–Muller in {@link StrictMath}; values come in pairs. */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u = 1.0 - nextDouble();                 // (0, 1]: log is finite
        double v = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u));
        double angle = 2.0 * StrictMath.PI * v;
        spareGaussian = r * StrictMath.sin(angle);
        return r * StrictMath.cos(angle);
    }
}
