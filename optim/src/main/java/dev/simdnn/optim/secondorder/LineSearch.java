package dev.simdnn.optim.secondorder;

/**
 * Step lengths along a descent direction d from x (f(x) and ∇f(x) known), reporting the evaluations used:
 * <ul>
 *   <li>{@link #armijo}: backtracking from an initial step, halving until the sufficient-decrease (Armijo)
 *       condition f(x + αd) ≤ f(x) + c₁α∇fᵀd holds;</li>
 *   <li>{@link #strongWolfe}: Nocedal and Wright's Algorithm 3.5 with zoom (3.6): sufficient decrease and the
 *       strong curvature condition |∇f(x + αd)ᵀd| ≤ c₂|∇f(x)ᵀd|, which BFGS needs (it keeps sᵀy > 0) and nonlinear
 *       CG needs with c₂ &lt; ½. Interpolation by bisection in the zoom (robust, a few more evaluations).</li>
 * </ul>
 */
public final class LineSearch {
    /** Default sufficient-decrease constant. */
    public static final double C1 = 1e-4;
    /** Default curvature constant for quasi-Newton methods (0.1 for CG). */
    public static final double C2 = 0.9;

    private LineSearch() {}

    /**
     * A step: α, the point, its value and gradient, and whether the conditions held.
     *
     * @param alpha       step length
     * @param x           x + αd
     * @param value       f there
     * @param gradient    ∇f there
     * @param evaluations evaluations this search used
     * @param success     the conditions were met
     */
    public record Step(double alpha, double[] x, double value, double[] gradient, int evaluations, boolean success) {}

    static double[] along(double[] x, double[] d, double alpha) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + alpha * d[i];
        }
        return y;
    }

    /** Armijo backtracking, at most 60 halvings. */
    public static Step armijo(DifferentiableFunction f, double[] x, double fx, double[] gx, double[] d, double initial) {
        return armijo(new Evaluator(f, new Budget(1, 60, 0), x), x, fx, gx, d, initial);
    }

    static Step armijo(Evaluator e, double[] x, double fx, double[] gx, double[] d, double initial) {
        double slope = Evaluator.dot(gx, d), alpha = initial;
        int start = e.evaluations;
        double[] g = new double[x.length];
        for (int k = 0; k < 60; k++) {
            double[] y = along(x, d, alpha);
            double fy;
            try {
                fy = e.evaluate(y, g);
            } catch (Evaluator.Stop stop) {
                if (stop.status != Result.Status.NON_FINITE) {
                    throw stop;
                }
                alpha *= 0.5;                       // overshot into overflow: shorter
                continue;
            }
            if (fy <= fx + C1 * alpha * slope) {
                return new Step(alpha, y, fy, g, e.evaluations - start, true);
            }
            alpha *= 0.5;
        }
        return new Step(0, x, fx, gx, e.evaluations - start, false);
    }

    /** Strong Wolfe with constants c₁ = 1e-4 and {@code c2}, at most 40 evaluations. */
    public static Step strongWolfe(DifferentiableFunction f, double[] x, double fx, double[] gx, double[] d,
                                   double initial, double c2) {
        return strongWolfe(new Evaluator(f, new Budget(1, 40, 0), x), x, fx, gx, d, initial, c2);
    }

    static Step strongWolfe(Evaluator e, double[] x, double fx, double[] gx, double[] d, double initial, double c2) {
        double slope0 = Evaluator.dot(gx, d);
        int start = e.evaluations;
        if (!(slope0 < 0)) {
            return new Step(0, x, fx, gx, 0, false);
        }
        double previousAlpha = 0, previousValue = fx, alpha = initial;
        for (int k = 0; k < 40; k++) {
            double[] g = new double[x.length];
            double[] y = along(x, d, alpha);
            double fy;
            try {
                fy = e.evaluate(y, g);
            } catch (Evaluator.Stop stop) {
                if (stop.status != Result.Status.NON_FINITE) {
                    throw stop;
                }
                return zoom(e, x, fx, slope0, d, previousAlpha, alpha, previousValue, c2, start);
            }
            if (fy > fx + C1 * alpha * slope0 || k > 0 && fy >= previousValue) {
                return zoom(e, x, fx, slope0, d, previousAlpha, alpha, previousValue, c2, start);
            }
            double slope = Evaluator.dot(g, d);
            if (Math.abs(slope) <= -c2 * slope0) {
                return new Step(alpha, y, fy, g, e.evaluations - start, true);
            }
            if (slope >= 0) {
                return zoom(e, x, fx, slope0, d, alpha, previousAlpha, fy, c2, start);
            }
            previousAlpha = alpha;
            previousValue = fy;
            alpha *= 2;
        }
        return new Step(0, x, fx, gx, e.evaluations - start, false);
    }

    /** Algorithm 3.6: a bracket [lo, hi] with f(lo) the lowest value seen; bisection. */
    private static Step zoom(Evaluator e, double[] x, double fx, double slope0, double[] d, double lo, double hi,
                             double fLo, double c2, int start) {
        for (int k = 0; k < 40; k++) {
            double alpha = 0.5 * (lo + hi);
            double[] g = new double[x.length];
            double[] y = along(x, d, alpha);
            double fy;
            try {
                fy = e.evaluate(y, g);
            } catch (Evaluator.Stop stop) {
                if (stop.status != Result.Status.NON_FINITE) {
                    throw stop;
                }
                hi = alpha;
                continue;
            }
            if (fy > fx + C1 * alpha * slope0 || fy >= fLo) {
                hi = alpha;
            } else {
                double slope = Evaluator.dot(g, d);
                if (Math.abs(slope) <= -c2 * slope0) {
                    return new Step(alpha, y, fy, g, e.evaluations - start, true);
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                }
                lo = alpha;
                fLo = fy;
            }
            if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) {
                break;
            }
        }
        return new Step(0, x, fx, null, e.evaluations - start, false);
    }
}
