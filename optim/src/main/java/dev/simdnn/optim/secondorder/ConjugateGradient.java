package dev.simdnn.optim.secondorder;

import java.util.function.BiConsumer;

/**
 * Conjugate gradients (textbook F46, trap P19).
 * <ul>
 *   <li>{@link #solve}: linear CG for Ax = b with A symmetric positive definite, given as a product v ↦ Av; exact
 *       (in exact arithmetic) within d steps on a d-dimensional quadratic, the test the chapter suggests.</li>
 *   <li>{@link #minimize}: nonlinear CG, d_{k+1} = −∇f_{k+1} + β_k d_k (the sign is P19's), β by Fletcher–Reeves
 *       ‖g_{k+1}‖²/‖g_k‖² or Polak–Ribière max(0, g_{k+1}ᵀ(g_{k+1} − g_k)/‖g_k‖²) ("PR+", which restarts by itself
 *       when β would be negative), steps by a strong Wolfe line search with c₂ = 0.1, and a restart (d = −∇f)
 *       every n iterations or when d is not a descent direction.</li>
 * </ul>
 */
public final class ConjugateGradient {
    /** β's formula. */
    public enum Beta { FLETCHER_REEVES, POLAK_RIBIERE }

    private final Beta beta;

    public ConjugateGradient(Beta beta) {
        this.beta = beta;
    }

    /**
     * The outcome of a linear solve.
     *
     * @param x          the solution estimate
     * @param iterations CG iterations (products with A)
     * @param residual   ‖b − Ax‖/‖b‖ at the end
     */
    public record Solution(double[] x, int iterations, double residual) {}

    /**
     * Solves Ax = b from x = 0 until the relative residual is at most {@code tolerance} or {@code maxIterations}
     * products were used. {@code product.accept(v, out)} writes Av into out.
     */
    public static Solution solve(BiConsumer<double[], double[]> product, double[] b, double tolerance,
                                 int maxIterations) {
        int n = b.length;
        double[] x = new double[n], r = b.clone(), p = b.clone(), ap = new double[n];
        double bNorm = Evaluator.norm(b), rr = Evaluator.dot(r, r);
        if (bNorm == 0) {
            return new Solution(x, 0, 0);
        }
        int it = 0;
        while (it < maxIterations && Math.sqrt(rr) > tolerance * bNorm) {
            product.accept(p, ap);
            double pap = Evaluator.dot(p, ap);
            if (!(pap > 0)) {                          // A is not positive definite along p: stop here
                break;
            }
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double next = Evaluator.dot(r, r);
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + next / rr * p[i];
            }
            rr = next;
            it++;
        }
        product.accept(x, ap);                            // the true residual, not the recursive one
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += (b[i] - ap[i]) * (b[i] - ap[i]);
        }
        return new Solution(x, it, Math.sqrt(res) / bNorm);
    }

    /** Nonlinear CG from x0. */
    public Result minimize(DifferentiableFunction f, double[] x0, Budget budget) {
        Evaluator e = new Evaluator(f, budget, x0);
        int n = f.dimension();
        double[] x = x0.clone(), g = new double[n];
        double fx = Double.NaN;
        int it = 0;
        try {
            fx = e.evaluate(x, g);
            double[] d = negate(g);
            double alpha = 1 / Math.max(1, Evaluator.norm(g));
            for (; it < budget.maxIterations(); it++) {
                if (Evaluator.norm(g) <= budget.gradientTolerance()) {
                    return e.converged(x, fx, g, it);
                }
                LineSearch.Step s = LineSearch.strongWolfe(e, x, fx, g, d, alpha, 0.1);
                if (!s.success()) {
                    if (Evaluator.dot(d, g) == -Evaluator.dot(g, g)) {   // already steepest descent: give up
                        return e.result(x, fx, g, it, Result.Status.LINE_SEARCH_FAILED, "no step along −∇f met "
                                + "the strong Wolfe conditions at iteration " + it);
                    }
                    d = negate(g);                                       // restart
                    continue;
                }
                double gg = Evaluator.dot(g, g);
                double[] gNew = s.gradient();
                double b = beta == Beta.FLETCHER_REEVES ? Evaluator.dot(gNew, gNew) / gg
                        : Math.max(0, (Evaluator.dot(gNew, gNew) - Evaluator.dot(gNew, g)) / gg);
                if ((it + 1) % n == 0) {
                    b = 0;                                               // periodic restart
                }
                double previousSlope = Evaluator.dot(g, d);
                for (int i = 0; i < n; i++) {
                    d[i] = -gNew[i] + b * d[i];
                }
                if (Evaluator.dot(d, gNew) >= 0) {
                    d = negate(gNew);
                }
                alpha = s.alpha() * Math.min(10, previousSlope / Math.min(-1e-300, Evaluator.dot(gNew, d)));
                x = s.x();
                fx = s.value();
                g = gNew;
            }
            return Evaluator.norm(g) <= budget.gradientTolerance() ? e.converged(x, fx, g, it)
                    : e.outOfIterations(x, fx, g);
        } catch (Evaluator.Stop stop) {
            return e.result(x, fx, g, it, stop.status, stop.getMessage());
        }
    }

    static double[] negate(double[] g) {
        double[] d = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
        }
        return d;
    }
}
