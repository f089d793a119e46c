package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Optimizer update kernels over 1000 steps with pseudo-random gradients: the twins stay bitwise equal, and both
 * stay within {@code 1e-4·(1 + |θ|)} of a double-precision implementation written from PyTorch's pseudocode (the
 * seeds' formulas for momentum and backtracking Rprop); float rounding of ~6e-8 relative per step, accumulated
 * over 1000 steps, stays below 1e-4 with a margin of ~2. The NAdam rule keeps the momentum product as its optimizer
 * would.
 */
public class UpdateTest {
    private static final int STEPS = 1000;
    private static final int[] SIZES = {0, 1, 17, 33, 255, 1021};

    /** One configuration: runs a float step through a provider, and the same step in double. */
    public interface Rule {
        void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] state, int step);

        void doubleStep(int n, double[] p, double[] g, double[][] state, int step);
    }

    static Rule sgd(float lr, float mu, float damp, float wd, boolean nesterov) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().sgd(n, p, 0, g, 0, s[0], 0, lr, mu, damp, wd, nesterov, step == 1);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    double d = g[i] + wd * p[i];
                    if (mu != 0) {
                        s[0][i] = step == 1 ? d : mu * s[0][i] + (1 - damp) * d;
                        d = nesterov ? d + mu * s[0][i] : s[0][i];
                    }
                    p[i] -= lr * d;
                }
            }

            public String toString() {
                return "SGD(lr=" + lr + ", momentum=" + mu + ", dampening=" + damp + ", wd=" + wd + ", nesterov=" + nesterov + ")";
            }
        };
    }

    static Rule adam(float lr, float b1, float b2, float eps, float wd, boolean decoupled, boolean amsgrad,
                     boolean correct, boolean epsInside) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                float c1 = correct ? (float) (1 - Math.pow(b1, step)) : 1f, c2 = correct ? (float) (1 - Math.pow(b2, step)) : 1f;
                k.updates().adam(n, p, 0, g, 0, s[0], 0, s[1], 0, amsgrad ? s[2] : null, 0, lr, b1, b2, eps, wd,
                        decoupled, c1, c2, epsInside);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                double c1 = correct ? 1 - Math.pow(b1, step) : 1, c2 = correct ? 1 - Math.pow(b2, step) : 1;
                for (int i = 0; i < n; i++) {
                    double grad = g[i];
                    if (decoupled) {
                        p[i] *= 1 - lr * wd;
                    } else {
                        grad += wd * p[i];
                    }
                    s[0][i] += (1 - b1) * (grad - s[0][i]);                 // PyTorch: exp_avg.lerp_(grad, 1 - beta1)
                    s[1][i] = b2 * s[1][i] + (1 - b2) * grad * grad;
                    double v = s[1][i];
                    if (amsgrad) {
                        s[2][i] = Math.max(s[2][i], v);
                        v = s[2][i];
                    }
                    double denom = epsInside ? Math.sqrt(v / c2 + eps) : Math.sqrt(v) / Math.sqrt(c2) + eps;
                    p[i] -= lr / c1 * s[0][i] / denom;
                }
            }

            public String toString() {
                return "Adam(decoupled=" + decoupled + ", wd=" + wd + ", amsgrad=" + amsgrad + ", biasCorrection="
                        + correct + ", epsInside=" + epsInside + ")";
            }
        };
    }

    static Rule rmsprop(float lr, float alpha, float eps, float wd, float mu, boolean centered, boolean epsInside) {
        return rmsprop(lr, alpha, eps, wd, mu, false, centered, epsInside);
    }

    static Rule rmsprop(float lr, float alpha, float eps, float wd, float mu, boolean nesterov, boolean centered,
                        boolean epsInside) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().rmsprop(n, p, 0, g, 0, s[0], 0, centered ? s[1] : null, 0, mu != 0 ? s[2] : null, 0, lr,
                        alpha, eps, wd, mu, nesterov, epsInside);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    double grad = g[i] + wd * p[i];
                    s[0][i] = alpha * s[0][i] + (1 - alpha) * grad * grad;
                    double avg = s[0][i];
                    if (centered) {
                        s[1][i] += (1 - alpha) * (grad - s[1][i]);
                        avg -= s[1][i] * s[1][i];
                    }
                    double denom = epsInside ? Math.sqrt(avg + eps) : Math.sqrt(avg) + eps;
                    if (mu != 0) {
                        s[2][i] = mu * s[2][i] + grad / denom;
                        p[i] -= lr * (nesterov ? grad / denom + mu * s[2][i] : s[2][i]);
                    } else {
                        p[i] -= lr * grad / denom;
                    }
                }
            }

            public String toString() {
                return "RMSprop(centered=" + centered + ", momentum=" + mu + ", nesterov=" + nesterov + ", wd=" + wd
                        + ", epsInside=" + epsInside + ")";
            }
        };
    }

    static Rule momentum(float lr, float alpha, float wd, boolean nesterov) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().momentum(n, p, 0, g, 0, s[0], 0, lr, alpha, wd, nesterov);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    double old = s[0][i], next = alpha * old - lr * (g[i] + wd * p[i]);
                    s[0][i] = next;
                    p[i] += nesterov ? next + alpha * (next - old) : next;
                }
            }

            public String toString() {
                return "Momentum(seeds, nesterov=" + nesterov + ")";
            }
        };
    }

    static Rule adagrad(float lr, float eps, float wd, boolean epsInside) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().adagrad(n, p, 0, g, 0, s[0], 0, lr, eps, wd, epsInside);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    double d = g[i] + wd * p[i];
                    s[0][i] += d * d;
                    p[i] -= lr * d / (epsInside ? Math.sqrt(s[0][i] + eps) : Math.sqrt(s[0][i]) + eps);
                }
            }

            public String toString() {
                return "Adagrad(epsInside=" + epsInside + ")";
            }
        };
    }

    static Rule adadelta(float lr, float rho, float eps) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().adadelta(n, p, 0, g, 0, s[0], 0, s[1], 0, lr, rho, eps, 0f);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    s[0][i] = rho * s[0][i] + (1 - rho) * g[i] * g[i];
                    double delta = Math.sqrt(s[1][i] + eps) / Math.sqrt(s[0][i] + eps) * g[i];
                    s[1][i] = rho * s[1][i] + (1 - rho) * delta * delta;
                    p[i] -= lr * delta;
                }
            }

            public String toString() {
                return "Adadelta";
            }
        };
    }

    static Rule adamax(float lr, float b1, float b2, float eps) {
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                k.updates().adamax(n, p, 0, g, 0, s[0], 0, s[1], 0, lr, b1, b2, eps, 0f,
                        (float) (1 - Math.pow(b1, step)));
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                for (int i = 0; i < n; i++) {
                    s[0][i] += (1 - b1) * (g[i] - s[0][i]);
                    s[1][i] = Math.max(b2 * s[1][i], Math.abs(g[i]) + eps);
                    p[i] -= lr / (1 - Math.pow(b1, step)) * s[0][i] / s[1][i];
                }
            }

            public String toString() {
                return "Adamax";
            }
        };
    }

    static Rule nadam(float lr, float b1, float b2, float eps, float psi) {
        return new Rule() {
            double mu(int t) {
                return b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
            }

            /** Π_{i ≤ t} μᵢ, recomputed from t: the rule object is shared by both twins and every size. */
            double product(int t) {
                double product = 1;
                for (int i = 1; i <= t; i++) {
                    product *= mu(i);
                }
                return product;
            }

            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                double product = product(step);
                double a = lr * (1 - mu(step)) / (1 - product), b = lr * mu(step + 1) / (1 - product * mu(step + 1));
                k.updates().nadam(n, p, 0, g, 0, s[0], 0, s[1], 0, (float) a, (float) b, (float) (1 - Math.pow(b2, step)),
                        b1, b2, eps, 0f);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                double product = product(step), c2 = 1 - Math.pow(b2, step);
                for (int i = 0; i < n; i++) {
                    s[0][i] += (1 - b1) * (g[i] - s[0][i]);
                    s[1][i] = b2 * s[1][i] + (1 - b2) * g[i] * g[i];
                    double denom = Math.sqrt(s[1][i] / c2) + eps;
                    p[i] -= lr * (1 - mu(step)) / (1 - product) * g[i] / denom;
                    p[i] -= lr * mu(step + 1) / (1 - product * mu(step + 1)) * s[0][i] / denom;
                }
            }

            public String toString() {
                return "NAdam";
            }
        };
    }

    static Rule rprop(boolean backtracking) {
        float etaMinus = 0.5f, etaPlus = 1.2f, min = 1e-6f, max = 50f, initial = 0.01f;
        return new Rule() {
            public void floatStep(KernelProvider k, int n, float[] p, float[] g, float[][] s, int step) {
                if (step == 1) java.util.Arrays.fill(s[1], initial);
                k.updates().rprop(n, p, 0, g, 0, s[0], 0, s[1], 0, backtracking ? s[2] : null, 0, etaMinus, etaPlus,
                        min, max);
            }

            public void doubleStep(int n, double[] p, double[] g, double[][] s, int step) {
                if (step == 1) java.util.Arrays.fill(s[1], initial);
                for (int i = 0; i < n; i++) {
                    double gi = g[i], sign = gi * s[0][i];
                    double factor = sign > 0 ? etaPlus : sign < 0 ? etaMinus : 1;
                    s[1][i] = Math.min(Math.max(s[1][i] * factor, min), max);
                    if (sign < 0) {
                        gi = 0;
                        if (backtracking) {
                            p[i] -= s[2][i];
                            s[2][i] = 0;
                        }
                    } else {
                        double delta = -Math.signum(gi) * s[1][i];
                        p[i] += delta;
                        s[2][i] = delta;
                    }
                    s[0][i] = gi;
                }
            }

            public String toString() {
                return "Rprop(backtracking=" + backtracking + ")";
            }
        };
    }

    public static final Rule[] RULES = {
        momentum(0.01f, 0.9f, 0f, false), momentum(0.01f, 0.9f, 1e-3f, true),
        adagrad(0.01f, 1e-10f, 0f, false), adagrad(0.01f, 1e-7f, 1e-3f, true), adadelta(1f, 0.9f, 1e-6f),
        adamax(2e-3f, 0.9f, 0.999f, 1e-8f), nadam(2e-3f, 0.9f, 0.999f, 1e-8f, 4e-3f), rprop(false), rprop(true),
        sgd(0.01f, 0f, 0f, 0f, false), sgd(0.01f, 0.9f, 0f, 0f, false), sgd(0.01f, 0.9f, 0.1f, 1e-2f, false),
        sgd(0.01f, 0.9f, 0f, 1e-3f, true),
        adam(1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false, false, true, false),
        adam(1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, true, false, true, false),    // AdamW
        adam(1e-3f, 0.9f, 0.999f, 1e-8f, 1e-3f, false, true, true, false),    // AMSGrad, coupled L2
        adam(1e-3f, 0.9f, 0.999f, 1e-6f, 0f, false, false, false, true),      // no bias correction, eps inside
        rmsprop(1e-3f, 0.99f, 1e-8f, 0f, 0f, false, false), rmsprop(1e-3f, 0.99f, 1e-8f, 1e-3f, 0.9f, true, false),
        rmsprop(1e-3f, 0.9f, 1e-6f, 0f, 0.5f, false, true), rmsprop(1e-3f, 0.99f, 1e-8f, 0f, 0.9f, true, true, false),
    };

    @Test
    void twinsAreBitwiseEqualAndFollowTheDoubleReferenceFor1000Steps() {
        for (Rule rule : RULES) {
            for (int n : SIZES) {
                SplittableRandom rnd = new SplittableRandom(n * 31L + 7);
                float[][] params = new float[2][n];
                double[] pd = new double[n];
                for (int i = 0; i < n; i++) {
                    params[0][i] = params[1][i] = (float) rnd.nextDouble(-1, 1);
                    pd[i] = params[0][i];
                }
                float[][][] state = new float[2][3][n];
                double[][] stateD = new double[3][n];
                java.util.List<KernelProvider> twins = TwinProviders.all();
                for (int step = 1; step <= STEPS; step++) {
                    float[] g = new float[n];
                    double[] gd = new double[n];
                    for (int i = 0; i < n; i++) {
                        g[i] = (float) (rnd.nextGaussian() * 0.1 + 0.05 * Math.sin(step * 0.01 + i));
                        gd[i] = g[i];
                    }
                    for (int t = 0; t < twins.size(); t++) {
                        rule.floatStep(twins.get(t), n, params[t], g, state[t], step);
                    }
                    rule.doubleStep(n, pd, gd, stateD, step);
                }
                if (twins.size() == 2) {
                    assertArrayEquals(params[0], params[1], rule + " n=" + n + ": twins differ after " + STEPS + " steps");
                    for (int s = 0; s < 3; s++) {
                        assertArrayEquals(state[0][s], state[1][s], rule + " state " + s);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!(Math.abs(params[0][i] - pd[i]) <= 1e-4 * (1 + Math.abs(pd[i])))) {
                        fail(rule + " n=" + n + " parameter " + i + ": " + params[0][i] + ", double reference " + pd[i]);
                    }
                }
            }
        }
    }

    @Test
    void adamFirstStepIsLearningRateTimesSignWithBiasCorrection() {
        for (KernelProvider k : TwinProviders.all()) {
            float[] p = {1f, 1f, 1f}, g = {0.5f, -3f, 1e-3f}, m = new float[3], v = new float[3];
            k.updates().adam(3, p, 0, g, 0, m, 0, v, 0, null, 0, 0.01f, 0.9f, 0.999f, 1e-8f, 0f, false,
                    1f - 0.9f, 1f - 0.999f, false);
            for (int i = 0; i < 3; i++) {
                assertEquals(1f - 0.01f * Math.signum(g[i]), p[i], 1e-6f, k.backend() + " corrected first step " + i);
            }
            // Without bias correction: m = 0.1 g, √v = √0.001 |g|, so the step is 0.1/√0.001 ≈ 3.16 times larger.
            float[] q = {1f}, m2 = new float[1], v2 = new float[1];
            k.updates().adam(1, q, 0, new float[] {0.5f}, 0, m2, 0, v2, 0, null, 0, 0.01f, 0.9f, 0.999f, 1e-8f, 0f,
                    false, 1f, 1f, false);
            assertEquals(1f - 0.01f * 0.1f / (float) Math.sqrt(0.001), q[0], 1e-6f, k.backend() + " uncorrected");
        }
    }

    @Test
    void sgdMomentumFirstStepsFollowPyTorch() {
        for (KernelProvider k : TwinProviders.all()) {
            float[] p = {1f}, buf = new float[1];
            k.updates().sgd(1, p, 0, new float[] {2f}, 0, buf, 0, 0.1f, 0.9f, 0.5f, 0f, false, true);
            assertEquals(2f, buf[0], "first step: b = g, no dampening");
            assertEquals(0.8f, p[0], 1e-7f);
            k.updates().sgd(1, p, 0, new float[] {2f}, 0, buf, 0, 0.1f, 0.9f, 0.5f, 0f, false, false);
            assertEquals(0.9f * 2f + 0.5f * 2f, buf[0], 1e-6f, "then b = μb + (1 − τ)g");
            assertEquals(0.8f - 0.1f * 2.8f, p[0], 1e-6f);
        }
    }

    @Test
    void adadeltaMovesOnlyWithEpsilonInTheNumerator() {
        // Trap P9: with u = 0 and no ε in the numerator, every step is 0 forever; Zeiler's ε makes the first step √ε·g/√(v+ε).
        for (KernelProvider k : TwinProviders.all()) {
            float[] p = {1f}, v = new float[1], u = new float[1];
            k.updates().adadelta(1, p, 0, new float[] {1f}, 0, v, 0, u, 0, 1f, 0.9f, 1e-6f, 0f);
            assertEquals(1f - (float) (Math.sqrt(1e-6) / Math.sqrt(0.1 + 1e-6)), p[0], 1e-7f, k.backend() + " moves");
        }
    }

    @Test
    void badHyperParametersAreNamed() {
        float[] a = new float[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Updates.adam(2, a, 0, a, 0, a, 0, a, 0, null, 0, 1, 1e-3f, 1f, 0.999f, 1e-8f, 0f, false, true, false));
        assertEquals("Invalid beta1: 1.0 (must be in [0, 1))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Updates.sgd(2, a, 0, a, 0, a, 0, -0.1f, 0f, 0f, 0f, false, true));
        assertEquals("Invalid learning rate: -0.1 (must be finite and >= 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Updates.sgd(2, a, 0, a, 0, a, 0, 0.1f, 0.9f, 0.1f, 0f, true, true));
        assertEquals("Nesterov momentum requires a momentum and zero dampening, got momentum 0.9, dampening 0.1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Updates.rmsprop(2, a, 0, a, 0, a, 0, null, 0, null, 0, 0.1f, 0.99f, 0f, 0f, 0f, false, false));
        assertEquals("Invalid epsilon: 0.0 (must be finite and > 0)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Updates.adam(2, a, 0, a, 0, a, 0, new float[1], 0, null, 0, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false, true, false));
        assertEquals("v: offset 0 + 2 elements exceeds its length 1", e.getMessage());
    }
}
