package dev.simdnn.optim.secondorder;

/**
 * Newton's method with an explicit Hessian (textbook F45, lectures M52–M53), for small problems:
 * x ← x − η·(H + μI)⁻¹∇f, solved by Cholesky. μ = {@code damping} (Levenberg's damping: large μ tends to gradient
 * descent with rate η/μ); when H + μI is not positive definite (a saddle or a maximum, where a pure Newton step
 * "jumps directly to the saddle point", F49), μ is raised (×10 from max(damping, 1e-8·‖H‖)) until it is, and the
 * step is taken. η is the "normalised" step size of the lectures: η = 1 solves a quadratic in one step; on a
 * quadratic the error is multiplied by (1 − η) each step, so 0 &lt; η &lt; 2 converges and η > 2 diverges
 * (η = 2 oscillates). No line search: the step is exactly that.
 */
public final class Newton {
    private final double eta;
    private final double damping;

    /** @param eta step size η > 0 (1: pure Newton); @param damping μ ≥ 0 added to the Hessian's diagonal */
    public Newton(double eta, double damping) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("Invalid eta: " + eta + " (must be finite and > 0)");
        }
        if (!(damping >= 0) || !Double.isFinite(damping)) {
            throw new IllegalArgumentException("Invalid damping: " + damping + " (must be finite and >= 0)");
        }
        this.eta = eta;
        this.damping = damping;
    }

    /** Pure Newton: η = 1, no damping. */
    public static Newton pure() {
        return new Newton(1, 0);
    }

    public Result minimize(TwiceDifferentiable f, double[] x0, Budget budget) {
        Evaluator e = new Evaluator(f, budget, x0);
        int n = f.dimension();
        double[] x = x0.clone(), g = new double[n], h = new double[n * n];
        double fx = Double.NaN;
        try {
            fx = e.evaluate(x, g);
            for (int it = 0; it < budget.maxIterations(); it++) {
                if (Evaluator.norm(g) <= budget.gradientTolerance()) {
                    return e.converged(x, fx, g, it);
                }
                f.hessian(x, h);
                double[] step = dampedSolve(h, n, g, damping);
                if (step == null) {
                    return e.result(x, fx, g, it, Result.Status.FAILED, "the Hessian has non-finite entries at "
                            + "iteration " + it);
                }
                for (int i = 0; i < n; i++) {
                    x[i] -= eta * step[i];
                }
                fx = e.evaluate(x, g);
                if (Evaluator.norm(x) > 1e150) {
                    return e.result(x, fx, g, it + 1, Result.Status.NON_FINITE, "the iterates diverge (‖x‖ = "
                            + Evaluator.norm(x) + ")");
                }
            }
            return Evaluator.norm(g) <= budget.gradientTolerance() ? e.converged(x, fx, g, budget.maxIterations())
                    : e.outOfIterations(x, fx, g);
        } catch (Evaluator.Stop stop) {
            return e.result(x, fx, g, 0, stop.status, stop.getMessage());
        }
    }

    /** (H + μI)⁻¹g with μ raised until H + μI is positive definite; null for a non-finite H. */
    static double[] dampedSolve(double[] h, int n, double[] g, double damping) {
        double scale = 0;
        for (double v : h) {
            if (!Double.isFinite(v)) {
                return null;
            }
            scale = Math.max(scale, Math.abs(v));
        }
        double mu = damping;
        double[] a = new double[n * n];
        for (int attempt = 0; attempt < 60; attempt++) {
            System.arraycopy(h, 0, a, 0, n * n);
            for (int i = 0; i < n; i++) {
                a[i * n + i] += mu;
            }
            double[] l = Cholesky.factor(a, n);
            if (l != null) {
                return Cholesky.solve(l, n, g);
            }
            mu = Math.max(10 * mu, 1e-8 * Math.max(scale, 1));
        }
        return null;
    }
}
