package dev.simdnn.optim.secondorder;

/**
 * BFGS (textbook F47, trap P18): an approximation G of the inverse Hessian, G₀ = I, the direction −G∇f, a strong
 * Wolfe line search (c₂ = 0.9), and the update with s = x_{k+1} − x_k, y = ∇f_{k+1} − ∇f_k, ρ = 1/(yᵀs):
 * G ← (I − ρsyᵀ)G(I − ρysᵀ) + ρssᵀ (the factor order matters). The update needs the curvature condition
 * yᵀs > 0; when it fails (possible only if the line search could not meet Wolfe) the update is skipped and
 * counted. Before the first update G is scaled by yᵀs/yᵀy (Nocedal and Wright 6.20), which keeps the first
 * steps well sized. O(n²) memory: for small problems; {@link Lbfgs} for models.
 */
public final class Bfgs {
    private int skipped;

    /** Updates skipped for failed curvature in the last run. */
    public int skippedUpdates() {
        return skipped;
    }

    public Result minimize(DifferentiableFunction f, double[] x0, Budget budget) {
        Evaluator e = new Evaluator(f, budget, x0);
        int n = f.dimension();
        double[] x = x0.clone(), g = new double[n], gInv = new double[n * n];
        for (int i = 0; i < n; i++) {
            gInv[i * n + i] = 1;
        }
        skipped = 0;
        double fx = Double.NaN;
        int it = 0;
        boolean scaled = false;
        try {
            fx = e.evaluate(x, g);
            for (; it < budget.maxIterations(); it++) {
                if (Evaluator.norm(g) <= budget.gradientTolerance()) {
                    return e.converged(x, fx, g, it);
                }
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s -= gInv[i * n + j] * g[j];
                    }
                    d[i] = s;
                }
                if (Evaluator.dot(d, g) >= 0) {                  // G lost positive definiteness: reset
                    java.util.Arrays.fill(gInv, 0);
                    for (int i = 0; i < n; i++) {
                        gInv[i * n + i] = 1;
                        d[i] = -g[i];
                    }
                }
                double initial = it == 0 ? 1 / Math.max(1, Evaluator.norm(g)) : 1;
                LineSearch.Step step = LineSearch.strongWolfe(e, x, fx, g, d, initial, LineSearch.C2);
                if (!step.success()) {
                    return e.result(x, fx, g, it, Result.Status.LINE_SEARCH_FAILED, "no step met the strong Wolfe "
                            + "conditions at iteration " + it);
                }
                double[] s = new double[n], y = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = step.x()[i] - x[i];
                    y[i] = step.gradient()[i] - g[i];
                }
                double ys = Evaluator.dot(y, s);
                if (ys > 1e-12 * Evaluator.norm(y) * Evaluator.norm(s)) {
                    if (!scaled) {
                        double gamma = ys / Evaluator.dot(y, y);
                        for (int i = 0; i < n; i++) {
                            gInv[i * n + i] = gamma;
                        }
                        scaled = true;
                    }
                    update(gInv, n, s, y, 1 / ys);
                } else {
                    skipped++;
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

    /** G ← (I − ρsyᵀ)G(I − ρysᵀ) + ρssᵀ, expanded: G − ρ(s(Gy)ᵀ + (Gy)sᵀ) + (ρ²yᵀGy + ρ)ssᵀ. */
    private static void update(double[] gInv, int n, double[] s, double[] y, double rho) {
        double[] gy = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int j = 0; j < n; j++) {
                t += gInv[i * n + j] * y[j];
            }
            gy[i] = t;
        }
        double ygy = Evaluator.dot(y, gy), c = rho * rho * ygy + rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gInv[i * n + j] += -rho * (s[i] * gy[j] + gy[i] * s[j]) + c * s[i] * s[j];
            }
        }
    }
}
