package dev.simdnn.layers.check;

/** A scalar function of a {@code double[]} point with its analytic gradient: what the gradient checker checks. */
public interface Objective {
    /** Number of variables. */
    int dimension();

    /** f(θ). */
    double value(double[] theta);

    /**
     * f(θ), recording the side of every kink met into {@code kinks} ({@link KinkSignature}); objectives that do
     * not track kinks ignore it.
     */
    default double value(double[] theta, KinkSignature kinks) {
        return value(theta);
    }

    /** True when {@link #value(double[], KinkSignature)} records kinks. */
    default boolean tracksKinks() {
        return false;
    }

    /** f(θ), with ∇f(θ) written into {@code gradient} (length {@link #dimension()}). */
    double valueAndGradient(double[] theta, double[] gradient);

    /** A named range of the variables (one parameter tensor, or the input), checked and reported on its own. */
    record Block(String name, int offset, int length) {
        public Block {
            if (offset < 0 || length < 0) {
                throw new IllegalArgumentException("block " + name + ": offset and length must be >= 0");
            }
        }
    }
}
