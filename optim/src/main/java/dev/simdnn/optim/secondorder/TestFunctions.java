package dev.simdnn.optim.secondorder;

/**
 * Analytic test functions with gradients and Hessians (lectures Part C, textbook F49): the quadratic
 * ½xᵀAx − bᵀx (minimiser A⁻¹b, the lectures' convention S12), Rosenbrock in n dimensions (minimum 0 at (1, …, 1)),
 * Beale (0 at (3, 0.5)), Booth (0 at (1, 3)), Himmelblau (four minima, 0 at (3, 2) among them), Rastrigin in n
 * dimensions (0 at 0, many local minima), and the saddle x² − y².
 */
public final class TestFunctions {
    private TestFunctions() {}

    /** ½xᵀAx − bᵀx for a symmetric n x n row-major A. */
    public static TwiceDifferentiable quadratic(double[] a, double[] b) {
        int n = b.length;
        if (a.length != n * n) {
            throw new IllegalArgumentException("A has " + a.length + " values, b " + n + ": expected " + n * n);
        }
        return new TwiceDifferentiable() {
            public int dimension() {
                return n;
            }

            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i * n + j] * x[j];
                    }
                    g[i] = ax - b[i];
                    f += 0.5 * x[i] * ax - b[i] * x[i];
                }
                return f;
            }

            public void hessian(double[] x, double[] h) {
                System.arraycopy(a, 0, h, 0, n * n);
            }
        };
    }

    /** Σ 100(x_{i+1} − x_i²)² + (1 − x_i)². */
    public static TwiceDifferentiable rosenbrock(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Rosenbrock needs n >= 2, got " + n);
        }
        return new TwiceDifferentiable() {
            public int dimension() {
                return n;
            }

            public double valueAndGradient(double[] x, double[] g) {
                java.util.Arrays.fill(g, 0, n, 0);
                double f = 0;
                for (int i = 0; i < n - 1; i++) {
                    double t = x[i + 1] - x[i] * x[i], u = 1 - x[i];
                    f += 100 * t * t + u * u;
                    g[i] += -400 * x[i] * t - 2 * u;
                    g[i + 1] += 200 * t;
                }
                return f;
            }

            public void hessian(double[] x, double[] h) {
                java.util.Arrays.fill(h, 0, n * n, 0);
                for (int i = 0; i < n - 1; i++) {
                    h[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                    h[i * n + i + 1] += -400 * x[i];
                    h[(i + 1) * n + i] += -400 * x[i];
                    h[(i + 1) * n + i + 1] += 200;
                }
            }
        };
    }

    /** Beale: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)². */
    public static DifferentiableFunction beale() {
        return twoD((x, y, g) -> {
            double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
            g[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
            g[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
            return a * a + b * b + c * c;
        });
    }

    /** Booth: (x + 2y − 7)² + (2x + y − 5)². */
    public static DifferentiableFunction booth() {
        return twoD((x, y, g) -> {
            double a = x + 2 * y - 7, b = 2 * x + y - 5;
            g[0] = 2 * a + 4 * b;
            g[1] = 4 * a + 2 * b;
            return a * a + b * b;
        });
    }

    /** Himmelblau: (x² + y − 11)² + (x + y² − 7)². */
    public static DifferentiableFunction himmelblau() {
        return twoD((x, y, g) -> {
            double a = x * x + y - 11, b = x + y * y - 7;
            g[0] = 4 * a * x + 2 * b;
            g[1] = 2 * a + 4 * b * y;
            return a * a + b * b;
        });
    }

    /** Rastrigin: 10n + Σ (x_i² − 10 cos 2πx_i). */
    public static DifferentiableFunction rastrigin(int n) {
        return new DifferentiableFunction() {
            public int dimension() {
                return n;
            }

            public double valueAndGradient(double[] x, double[] g) {
                double f = 10 * n;
                for (int i = 0; i < n; i++) {
                    f += x[i] * x[i] - 10 * Math.cos(2 * Math.PI * x[i]);
                    g[i] = 2 * x[i] + 20 * Math.PI * Math.sin(2 * Math.PI * x[i]);
                }
                return f;
            }
        };
    }

    /** x² − y²: a non-degenerate saddle at the origin (textbook F49). */
    public static TwiceDifferentiable saddle() {
        return new TwiceDifferentiable() {
            public int dimension() {
                return 2;
            }

            public double valueAndGradient(double[] x, double[] g) {
                g[0] = 2 * x[0];
                g[1] = -2 * x[1];
                return x[0] * x[0] - x[1] * x[1];
            }

            public void hessian(double[] x, double[] h) {
                h[0] = 2;
                h[1] = 0;
                h[2] = 0;
                h[3] = -2;
            }
        };
    }

    private interface TwoD {
        double f(double x, double y, double[] g);
    }

    private static DifferentiableFunction twoD(TwoD f) {
        return new DifferentiableFunction() {
            public int dimension() {
                return 2;
            }

            public double valueAndGradient(double[] x, double[] g) {
                return f.f(x[0], x[1], g);
            }
        };
    }
}
