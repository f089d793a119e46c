package dev.simdnn.optim.search;

import dev.simdnn.layers.init.SeededRandom;

/**
 * One hyper-parameter's range: uniform on [low, high], or log-uniform (textbook F25: "sample the logarithm of
 * the learning rate uniformly", so 1e-4..1e-1 gets as many samples per decade), optionally rounded to integers.
 *
 * @param name    the name (a key of the trial's values)
 * @param low     lower end
 * @param high    upper end (≥ low)
 * @param log     sample log-uniformly (low > 0 then)
 * @param integer round to the nearest integer
 */
public record Parameter(String name, double low, double high, boolean log, boolean integer) {
    public Parameter {
        if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(name + ": invalid range [" + low + ", " + high + "]");
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException(name + ": a log-uniform range needs low > 0, got " + low);
        }
    }

    /** Uniform on [low, high]. */
    public static Parameter uniform(String name, double low, double high) {
        return new Parameter(name, low, high, false, false);
    }

    /** Log-uniform on [low, high]. */
    public static Parameter logUniform(String name, double low, double high) {
        return new Parameter(name, low, high, true, false);
    }

    /** Integers in [low, high], uniform. */
    public static Parameter integers(String name, int low, int high) {
        return new Parameter(name, low, high, false, true);
    }

    /** The value at fraction u ∈ [0, 1] of the range (in log space when log). */
    public double at(double u) {
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        return integer ? Math.round(v) : Math.min(high, Math.max(low, v));
    }

    /** A random value. */
    public double sample(SeededRandom random) {
        return at(random.nextDouble());
    }

    /** The range narrowed around {@code centre} to {@code fraction} of its width (in log space when log). */
    public Parameter around(double centre, double fraction) {
        if (log) {
            double lc = Math.log(centre), half = fraction * (Math.log(high) - Math.log(low)) / 2;
            return new Parameter(name, Math.max(low, Math.exp(lc - half)), Math.min(high, Math.exp(lc + half)), true,
                    integer);
        }
        double half = fraction * (high - low) / 2;
        return new Parameter(name, Math.max(low, centre - half), Math.min(high, centre + half), false, integer);
    }
}
