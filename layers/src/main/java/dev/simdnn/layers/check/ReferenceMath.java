package dev.simdnn.layers.check;

import dev.simdnn.core.Activation;

/**
 * The double-precision arithmetic of the layers' reference paths, written from the formulas (textbook Table 3.1,
 * F16–F23, F52–F53) with plain loops and {@link Math}; deliberately independent of the float kernels it checks.
 */
public final class ReferenceMath {
    private ReferenceMath() {}

    /** C (m×n) = op(A)·op(B) in double; A is m×k (or k×m when {@code transA}), B is k×n (or n×k). */
    public static double[] matmul(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff,
                                  double[] b, int bOff) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (aip == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aip * (transB ? b[bOff + j * k + p] : b[bOff + p * n + j]);
                }
            }
        }
        return c;
    }

    /** f(v) with parameter α (leaky ReLU's slope, ELU's scale). */
    public static double activate(Activation f, double alpha, double v) {
        return switch (f) {
            case IDENTITY -> v;
            case SIGMOID -> v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
            case TANH -> Math.tanh(v);
            case RELU -> v > 0 ? v : 0;
            case LEAKY_RELU -> v > 0 ? v : alpha * v;
            case HARD_TANH -> v < -1 ? -1 : Math.min(v, 1);
            case ELU -> v > 0 ? v : alpha * Math.expm1(v);
            case SOFTPLUS -> Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
            case GELU -> 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
        };
    }

    private static final double GELU_C = Math.sqrt(2 / Math.PI);

    /** f′(v), at the input v, with the kink conventions of {@link Activation} (ReLU′(0) = 0, ...). */
    public static double derivative(Activation f, double alpha, double v) {
        return switch (f) {
            case IDENTITY -> 1;
            case SIGMOID -> {
                double s = activate(f, alpha, v);
                yield s * (1 - s);
            }
            case TANH -> {
                double t = Math.tanh(v);
                yield 1 - t * t;
            }
            case RELU -> v > 0 ? 1 : 0;
            case LEAKY_RELU -> v > 0 ? 1 : alpha;
            case HARD_TANH -> v > -1 && v < 1 ? 1 : 0;
            case ELU -> v > 0 ? 1 : alpha * Math.exp(v);
            case SOFTPLUS -> activate(Activation.SIGMOID, alpha, v);
            case GELU -> {
                double u = GELU_C * (v + 0.044715 * v * v * v);
                double t = Math.tanh(u);
                yield 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * v * v);
            }
        };
    }

    /** f″(v) (0 on the linear pieces of the piecewise activations). */
    public static double secondDerivative(Activation f, double alpha, double v) {
        return switch (f) {
            case IDENTITY, RELU, LEAKY_RELU, HARD_TANH -> 0;
            case SIGMOID -> {
                double s = activate(f, alpha, v);
                yield s * (1 - s) * (1 - 2 * s);
            }
            case TANH -> {
                double t = Math.tanh(v);
                yield -2 * t * (1 - t * t);
            }
            case ELU -> v > 0 ? 0 : alpha * Math.exp(v);
            case SOFTPLUS -> {
                double s = activate(Activation.SIGMOID, alpha, v);
                yield s * (1 - s);
            }
            case GELU -> {
                double u = GELU_C * (v + 0.044715 * v * v * v), t = Math.tanh(u), sech2 = 1 - t * t;
                double du = GELU_C * (1 + 3 * 0.044715 * v * v), ddu = GELU_C * 6 * 0.044715 * v;
                yield sech2 * du + 0.5 * v * sech2 * (ddu - 2 * t * du * du);
            }
        };
    }

    /**
     * Distance from v to the nearest point where f′ jumps (0 for ReLU, leaky ReLU and ELU with α ≠ 1; ±1 for hard
     * tanh), or +∞ for smooth activations. Gradient checks near a kink compare two one-sided slopes.
     */
    public static double distanceToKink(Activation f, double alpha, double v) {
        return switch (f) {
            case RELU, LEAKY_RELU -> Math.abs(v);
            case ELU -> alpha == 1 ? Double.POSITIVE_INFINITY : Math.abs(v);
            case HARD_TANH -> Math.min(Math.abs(v - 1), Math.abs(v + 1));
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** Records which piece of f's domain v lies in, for the activations with kinks (none for smooth ones). */
    public static void recordKink(KinkSignature kinks, Activation f, double alpha, double v) {
        if (kinks == null) {
            return;
        }
        switch (f) {
            case RELU, LEAKY_RELU -> kinks.record(v > 0 ? 1 : 0);
            case ELU -> {
                if (alpha != 1) {
                    kinks.record(v > 0 ? 1 : 0);
                }
            }
            case HARD_TANH -> kinks.record(v <= -1 ? 0 : v < 1 ? 1 : 2);
            default -> { }
        }
    }

    /** Widens a float range to double. */
    public static double[] widen(float[] a, int off, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[off + i];
        }
        return d;
    }
}
