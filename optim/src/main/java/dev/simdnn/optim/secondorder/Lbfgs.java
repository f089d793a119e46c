package dev.simdnn.optim.secondorder;

/**
 * Limited-memory BFGS (textbook F48): the inverse-Hessian product −G∇f by the two-loop recursion over the last m
 * pairs (s, y) (Nocedal and Wright, Algorithm 7.4), starting from H₀ = γI with γ = sᵀy/yᵀy of the newest pair,
 * and a strong Wolfe line search. O(m·n) memory. Default m = 10 (the usual choice; the chapter mentions m ≈ 30).
 * Pairs failing the curvature condition yᵀs > 0 are not stored.
 */
public final class Lbfgs {
    /** Default memory. */
    public static final int DEFAULT_MEMORY = 10;
    private final int memory;

    public Lbfgs() {
        this(DEFAULT_MEMORY);
    }

    public Lbfgs(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1, got " + memory);
        }
        this.memory = memory;
    }

    public Result minimize(DifferentiableFunction f, double[] x0, Budget budget) {
        Evaluator e = new Evaluator(f, budget, x0);
        int n = f.dimension();
        double[][] s = new double[memory][], y = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0, newest = -1;
        double[] x = x0.clone(), g = new double[n];
        double fx = Double.NaN;
        int it = 0;
        try {
            fx = e.evaluate(x, g);
            for (; it < budget.maxIterations(); it++) {
                if (Evaluator.norm(g) <= budget.gradientTolerance()) {
                    return e.converged(x, fx, g, it);
                }
                double[] d = twoLoop(g, s, y, rho, stored, newest);
                if (Evaluator.dot(d, g) >= 0) {
                    d = ConjugateGradient.negate(g);
                    stored = 0;
                }
                double initial = stored == 0 ? 1 / Math.max(1, Evaluator.norm(g)) : 1;
                LineSearch.Step step = LineSearch.strongWolfe(e, x, fx, g, d, initial, LineSearch.C2);
                if (!step.success()) {
                    if (stored == 0) {
                        return e.result(x, fx, g, it, Result.Status.LINE_SEARCH_FAILED, "no step along −∇f met "
                                + "the strong Wolfe conditions at iteration " + it);
                    }
                    stored = 0;                                // forget the curvature pairs and retry
                    continue;
                }
                double[] sk = new double[n], yk = new double[n];
                for (int i = 0; i < n; i++) {
                    sk[i] = step.x()[i] - x[i];
                    yk[i] = step.gradient()[i] - g[i];
                }
                double ys = Evaluator.dot(yk, sk);
                if (ys > 1e-12 * Evaluator.norm(yk) * Evaluator.norm(sk)) {
                    newest = (newest + 1) % memory;
                    s[newest] = sk;
                    y[newest] = yk;
                    rho[newest] = 1 / ys;
                    stored = Math.min(stored + 1, memory);
                }
                x = step.x();
                fx = step.value();
                g = step.gradient();
            }
            return Evaluator.norm(g) <= budget.gradientTolerance() ? e.converged(x, fx, g, it)
                    : e.outOfIterations(x, fx, g);
        } catch (Evaluator.Stop stop) {
            return e.result(x, fx, g, it, stop.status, stop.getMessage());
        }
    }

    /** −H·g by the two-loop recursion over the stored pairs, newest first. */
    private static double[] twoLoop(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest) {
        int n = g.length, m = s.length;
        double[] q = g.clone(), alpha = new double[m];
        for (int k = 0; k < stored; k++) {
            int i = Math.floorMod(newest - k, m);
            alpha[i] = rho[i] * Evaluator.dot(s[i], q);
            for (int j = 0; j < n; j++) {
                q[j] -= alpha[i] * y[i][j];
            }
        }
        if (stored > 0) {
            double gamma = 1 / (rho[newest] * Evaluator.dot(y[newest], y[newest]));
            for (int j = 0; j < n; j++) {
                q[j] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int i = Math.floorMod(newest - k, m);
            double b = rho[i] * Evaluator.dot(y[i], q);
            for (int j = 0; j < n; j++) {
                q[j] += s[i][j] * (alpha[i] - b);
            }
        }
        for (int j = 0; j < n; j++) {
            q[j] = -q[j];
        }
        return q;
    }
}
