package dev.simdnn.core;

/** Double-precision definitions of every activation, written independently of the kernels. */
public final class ActivationReference {
    private ActivationReference() {}

    public static double f(Activation a, double alpha, double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return switch (a) {
            case IDENTITY -> v;
            case SIGMOID -> 1 / (1 + Math.exp(-v));
            case TANH -> Math.tanh(v);
            case RELU -> v > 0 ? v : 0;
            case LEAKY_RELU -> v > 0 ? v : alpha * v;
            case HARD_TANH -> v < -1 ? -1 : v > 1 ? 1 : v;
            case ELU -> v > 0 ? v : alpha * (Math.exp(v) - 1);
            case SOFTPLUS -> v > 30 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
            case GELU -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
        };
    }

    /** Central difference of {@link #f} in double. */
    public static double numericDerivative(Activation a, double alpha, double v) {
        double h = 1e-6 * Math.max(1, Math.abs(v));
        return (f(a, alpha, v + h) - f(a, alpha, v - h)) / (2 * h);
    }

    /** Distance to the nearest kink of a piecewise activation (infinite for smooth ones). */
    public static double distanceToKink(Activation a, double v) {
        return switch (a) {
            case RELU, LEAKY_RELU, ELU -> Math.abs(v);
            case HARD_TANH -> Math.min(Math.abs(v - 1), Math.abs(v + 1));
            default -> Double.POSITIVE_INFINITY;
        };
    }
}
