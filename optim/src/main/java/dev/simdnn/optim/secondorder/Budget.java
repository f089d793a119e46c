package dev.simdnn.optim.secondorder;

/**
 * When a method stops: ‖∇f‖ ≤ {@code gradientTolerance}, or after {@code maxIterations} iterations or
 * {@code maxEvaluations} function-and-gradient evaluations, whichever comes first. Every method has both budgets,
 * so none can loop forever.
 *
 * @param maxIterations     iterations (≥ 1)
 * @param maxEvaluations    evaluations (≥ 1)
 * @param gradientTolerance converged when ‖∇f‖ ≤ this (≥ 0)
 */
public record Budget(int maxIterations, int maxEvaluations, double gradientTolerance) {
    public Budget {
        if (maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("budgets must be >= 1, got " + maxIterations + " iterations and "
                    + maxEvaluations + " evaluations");
        }
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("Invalid gradientTolerance: " + gradientTolerance + " (must be >= 0)");
        }
    }

    /** 1,000 iterations, 10,000 evaluations, ‖∇f‖ ≤ 1e-8. */
    public static Budget defaults() {
        return new Budget(1000, 10_000, 1e-8);
    }
}
