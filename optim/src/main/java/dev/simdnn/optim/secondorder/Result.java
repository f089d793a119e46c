package dev.simdnn.optim.secondorder;

/**
 * The outcome of a minimisation.
 *
 * @param x            the last accepted point
 * @param value        f there
 * @param gradientNorm ‖∇f‖ there
 * @param iterations   iterations taken
 * @param evaluations  function-and-gradient evaluations used (line searches included)
 * @param status       why it stopped
 * @param message      the same in words, with the numbers
 */
public record Result(double[] x, double value, double gradientNorm, int iterations, int evaluations, Status status,
                     String message) {
    /** Why a method stopped. */
    public enum Status {
        /** ‖∇f‖ fell below the tolerance. */
        CONVERGED,
        /** The iteration budget ran out. */
        MAX_ITERATIONS,
        /** The evaluation budget ran out. */
        MAX_EVALUATIONS,
        /** No step satisfying the line-search conditions was found. */
        LINE_SEARCH_FAILED,
        /** f or ∇f was NaN or infinite. */
        NON_FINITE,
        /** The problem cannot be solved as posed (e.g. a Hessian that damping cannot make positive definite). */
        FAILED
    }

    /** True for {@link Status#CONVERGED}. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }
}
