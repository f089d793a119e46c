package dev.simdnn.optim.secondorder;

/**
 * Hessian-free optimisation (textbook F46, Martens 2010): each outer step solves the damped Newton system
 * (H + λI)p = −∇f by linear CG, truncated after {@code cgIterations} products or a relative residual of 1e-4,
 * with Hessian-vector products by a central difference of gradients, Hv ≈ (∇f(x + δv) − ∇f(x − δv))/2δ with
 * δ = ε^(1/3)·max(1, ‖x‖)/‖v‖ (the chapter's (3.51) is the one-sided version; δ is not given there). The step is
 * then taken with an Armijo line search; λ follows Levenberg–Marquardt's rule on the ratio of actual to predicted
 * decrease (×2/3 when the quadratic model was good, ×3/2 when poor). CG stops early when it meets negative
 * curvature.
 *
 * <p>With a {@link HessianVectorProduct} ({@link #minimize(DifferentiableFunction, HessianVectorProduct, double[],
 * Budget)}) the products are exact instead: for models, the R-operator of {@link ReferenceModelFunction}.
 */
public final class HessianFree {
    private final int cgIterations;
    private double lambda;

    /** @param cgIterations products per inner solve; @param lambda initial damping (> 0) */
    public HessianFree(int cgIterations, double lambda) {
        if (cgIterations < 1 || !(lambda > 0)) {
            throw new IllegalArgumentException("cgIterations must be >= 1 and lambda > 0, got " + cgIterations + ", "
                    + lambda);
        }
        this.cgIterations = cgIterations;
        this.lambda = lambda;
    }

    /** Hv by the central difference of gradients at x (two gradient evaluations). */
    public static double[] hessianVector(DifferentiableFunction f, double[] x, double[] v) {
        return hessianVector(f::valueAndGradient, x, v);
    }

    interface GradientAt {
        double at(double[] x, double[] g);
    }

    static double[] hessianVector(GradientAt f, double[] x, double[] v) {
        int n = x.length;
        double vn = Evaluator.norm(v);
        double[] hv = new double[n];
        if (vn == 0) {
            return hv;
        }
        double delta = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Evaluator.norm(x)) / vn;
        double[] gp = new double[n], gm = new double[n];
        f.at(LineSearch.along(x, v, delta), gp);
        f.at(LineSearch.along(x, v, -delta), gm);
        for (int i = 0; i < n; i++) {
            hv[i] = (gp[i] - gm[i]) / (2 * delta);
        }
        return hv;
    }

    public Result minimize(DifferentiableFunction f, double[] x0, Budget budget) {
        return minimize(f, null, x0, budget);
    }

    /** Hessian-free with exact products {@code hvp} (finite differences of gradients when null). */
    public Result minimize(DifferentiableFunction f, HessianVectorProduct hvp, double[] x0, Budget budget) {
        Evaluator e = new Evaluator(f, budget, x0);
        int n = f.dimension();
        double[] x = x0.clone(), g = new double[n];
        double fx = Double.NaN;
        int it = 0;
        try {
            fx = e.evaluate(x, g);
            for (; it < budget.maxIterations(); it++) {
                if (Evaluator.norm(g) <= budget.gradientTolerance()) {
                    return e.converged(x, fx, g, it);
                }
                double[] at = x, minusG = ConjugateGradient.negate(g);
                double damping = lambda;
                ConjugateGradient.Solution p = ConjugateGradient.solve((v, out) -> {
                    double[] hv = hvp != null ? hvp.apply(at, v) : hessianVector(e::evaluate, at, v);
                    for (int i = 0; i < n; i++) {
                        out[i] = hv[i] + damping * v[i];
                    }
                }, minusG, 1e-4, cgIterations);
                double[] d = p.x();
                if (Evaluator.dot(d, g) >= 0) {
                    d = minusG;
                }
                double[] hd = hvp != null ? hvp.apply(x, d) : hessianVector(e::evaluate, x, d);
                double predicted = Evaluator.dot(g, d) + 0.5 * Evaluator.dot(d, hd);
                LineSearch.Step step = LineSearch.armijo(e, x, fx, g, d, 1);
                if (!step.success()) {
                    return e.result(x, fx, g, it, Result.Status.LINE_SEARCH_FAILED, "no Armijo step along the "
                            + "CG direction at iteration " + it);
                }
                double rho = (step.value() - fx) / predicted;
                lambda = rho > 0.75 ? lambda * 2 / 3 : rho < 0.25 ? lambda * 1.5 : lambda;
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
}
