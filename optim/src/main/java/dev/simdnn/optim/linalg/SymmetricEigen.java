package dev.simdnn.optim.linalg;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method, in double: A = V·diag(λ)·Vᵀ with V
 * orthogonal. Each rotation zeroes one off-diagonal pair; sweeps repeat until the off-diagonal mass is below
 * 1e-15 of the matrix's Frobenius norm (quadratic convergence, typically 6–10 sweeps). O(n³) per sweep: right
 * for the sizes here (PCA on 64–784 features, Hessians of small problems). Eigenvalues are returned in
 * decreasing order, V's columns to match.
 *
 * @param values  eigenvalues, largest first
 * @param vectors n x n row-major, column j the unit eigenvector of {@code values[j]}
 * @param sweeps  Jacobi sweeps used
 */
public record SymmetricEigen(double[] values, double[] vectors, int sweeps) {
    /** Most sweeps before giving up (never reached for symmetric input in practice). */
    public static final int MAX_SWEEPS = 60;

    /** Decomposes the n x n row-major symmetric matrix {@code a} (not modified; symmetry is checked). */
    public static SymmetricEigen of(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " values, expected " + n + " x " + n);
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = a[i * n + j];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + x);
                }
                if (Math.abs(x - a[j * n + i]) > 1e-9 * (Math.abs(x) + Math.abs(a[j * n + i])) + 1e-300) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): " + x
                            + " vs " + a[j * n + i]);
                }
                norm += x * x;
            }
        }
        double[] m = a.clone();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        double tolerance = 1e-30 * norm;          // (1e-15·‖A‖_F)²
        int sweep = 0;
        while (sweep < MAX_SWEEPS && offDiagonal(m, n) > tolerance) {
            sweep++;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, n, p, q);
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i * n + i];
        }
        return sorted(values, v, n, sweep);
    }

    private static double offDiagonal(double[] m, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += m[i * n + j] * m[i * n + j];
                }
            }
        }
        return s;
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes m[p][q] (Golub & Van Loan, Algorithm 8.5.1/8.5.2). */
    private static void rotate(double[] m, double[] v, int n, int p, int q) {
        double apq = m[p * n + q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++) {                 // columns p, q of M·J
            double mkp = m[k * n + p], mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {                 // rows p, q of Jᵀ·M
            double mpk = m[p * n + k], mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (int k = 0; k < n; k++) {                 // V ← V·J
            double vkp = v[k * n + p], vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    private static SymmetricEigen sorted(double[] values, double[] v, int n, int sweeps) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] sv = new double[n], vv = new double[n * n];
        for (int j = 0; j < n; j++) {
            sv[j] = values[order[j]];
            for (int i = 0; i < n; i++) {
                vv[i * n + j] = v[i * n + order[j]];
            }
        }
        return new SymmetricEigen(sv, vv, sweeps);
    }

    /** Number of rows/columns. */
    public int size() {
        return values.length;
    }

    /** Largest over smallest eigenvalue magnitude (∞ when the smallest is 0). */
    public double conditionNumber() {
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double l : values) {
            max = Math.max(max, Math.abs(l));
            min = Math.min(min, Math.abs(l));
        }
        return min == 0 ? Double.POSITIVE_INFINITY : max / min;
    }
}
