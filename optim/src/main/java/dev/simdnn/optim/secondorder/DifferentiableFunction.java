package dev.simdnn.optim.secondorder;

/**
 * A smooth function of a {@code double[]} point with its gradient: what the second-order methods minimise.
 * Implementations may return NaN or ±∞ (the methods then stop and say so); they must not keep state between calls
 * that changes the value at a point.
 */
public interface DifferentiableFunction {
    /** Number of variables. */
    int dimension();

    /** f(x), with ∇f(x) written into {@code gradient}. */
    double valueAndGradient(double[] x, double[] gradient);

    /** f(x) alone (by default through {@link #valueAndGradient}). */
    default double value(double[] x) {
        return valueAndGradient(x, new double[dimension()]);
    }
}
