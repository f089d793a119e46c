package dev.simdnn.optim.secondorder;

/**
 * Counts evaluations of a function against the budget and refuses non-finite values: both end a method through
 * {@link Stop}, which the method turns into its {@link Result}.
 */
final class Evaluator {
    /** Thrown to end a method early; carries the status and message. */
    static final class Stop extends RuntimeException {
        final Result.Status status;

        Stop(Result.Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    final DifferentiableFunction f;
    final Budget budget;
    int evaluations;

    Evaluator(DifferentiableFunction f, Budget budget, double[] x0) {
        if (f == null || budget == null || x0 == null) {
            throw new IllegalArgumentException("function, budget and starting point must not be null");
        }
        if (x0.length != f.dimension()) {
            throw new IllegalArgumentException("starting point has " + x0.length + " values, the function "
                    + f.dimension() + " variables");
        }
        this.f = f;
        this.budget = budget;
    }

    double evaluate(double[] x, double[] g) {
        if (evaluations >= budget.maxEvaluations()) {
            throw new Stop(Result.Status.MAX_EVALUATIONS, "evaluation budget of " + budget.maxEvaluations() + " used");
        }
        evaluations++;
        double v = f.valueAndGradient(x, g);
        if (!Double.isFinite(v)) {
            throw new Stop(Result.Status.NON_FINITE, "f = " + v + " at evaluation " + evaluations);
        }
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                throw new Stop(Result.Status.NON_FINITE, "gradient[" + i + "] = " + g[i] + " at evaluation "
                        + evaluations);
            }
        }
        return v;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    Result result(double[] x, double fx, double[] g, int iterations, Result.Status status, String message) {
        return new Result(x.clone(), fx, norm(g), iterations, evaluations, status, message);
    }

    Result converged(double[] x, double fx, double[] g, int iterations) {
        return result(x, fx, g, iterations, Result.Status.CONVERGED, "‖∇f‖ = " + norm(g) + " <= "
                + budget.gradientTolerance() + " after " + iterations + " iterations");
    }

    Result outOfIterations(double[] x, double fx, double[] g) {
        return result(x, fx, g, budget.maxIterations(), Result.Status.MAX_ITERATIONS, "iteration budget of "
                + budget.maxIterations() + " used, ‖∇f‖ = " + norm(g));
    }
}
