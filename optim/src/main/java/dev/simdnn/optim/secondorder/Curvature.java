package dev.simdnn.optim.secondorder;

import dev.simdnn.optim.linalg.SymmetricEigen;

/**
 * Curvature diagnostics at a point (lectures M54, M61; textbook F45, F49): the Hessian by central differences of
 * the gradient (symmetrised), its eigenvalues (Jacobi), the condition number λ_max/λ_min, the optimal fixed
 * gradient-descent step 2/(λ₁ + λ_M) for a quadratic, and the kind of critical point.
 *
 * @param hessian     n x n, symmetric
 * @param eigenvalues largest first
 */
public record Curvature(double[] hessian, double[] eigenvalues) {
    /** What a critical point is, from the signs of the Hessian's eigenvalues. */
    public enum Kind {
        MINIMUM, MAXIMUM, SADDLE,
        /** Some eigenvalue is (numerically) zero: second-order information cannot decide (e.g. x³ at 0). */
        DEGENERATE
    }

    /** The curvature of f at x, the Hessian by central differences of gradients (2n gradient evaluations). */
    public static Curvature at(DifferentiableFunction f, double[] x) {
        int n = f.dimension();
        double[] h = new double[n * n], gp = new double[n], gm = new double[n];
        double[] y = x.clone();
        for (int j = 0; j < n; j++) {
            double step = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Math.abs(x[j]));
            y[j] = x[j] + step;
            f.valueAndGradient(y, gp);
            y[j] = x[j] - step;
            f.valueAndGradient(y, gm);
            y[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i * n + j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        return of(h, n);
    }

    /** The curvature of an explicit Hessian (symmetrised). */
    public static Curvature of(double[] hessian, int n) {
        double[] h = hessian.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = s;
                h[j * n + i] = s;
            }
        }
        return new Curvature(h, SymmetricEigen.of(h, n).values());
    }

    /** λ_max / λ_min in magnitude. */
    public double conditionNumber() {
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double l : eigenvalues) {
            max = Math.max(max, Math.abs(l));
            min = Math.min(min, Math.abs(l));
        }
        return min == 0 ? Double.POSITIVE_INFINITY : max / min;
    }

    /** 2/(λ₁ + λ_M): the fixed step that minimises gradient descent's worst contraction on a quadratic. */
    public double optimalFixedStep() {
        return 2 / (eigenvalues[0] + eigenvalues[eigenvalues.length - 1]);
    }

    /** Minimum (all λ > tol), maximum (all < −tol), saddle (both signs), else degenerate; tol = 1e-6·max|λ|. */
    public Kind classify() {
        double scale = 0;
        for (double l : eigenvalues) {
            scale = Math.max(scale, Math.abs(l));
        }
        double tol = 1e-6 * Math.max(scale, 1e-300);
        boolean pos = false, neg = false, zero = false;
        for (double l : eigenvalues) {
            pos |= l > tol;
            neg |= l < -tol;
            zero |= Math.abs(l) <= tol;
        }
        if (pos && neg) {
            return Kind.SADDLE;
        }
        return zero ? Kind.DEGENERATE : pos ? Kind.MINIMUM : Kind.MAXIMUM;
    }
}
