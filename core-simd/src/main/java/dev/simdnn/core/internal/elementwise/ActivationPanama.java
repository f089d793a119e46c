package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.PanamaSpecies;
import dev.simdnn.core.internal.math.FloatMathPanama;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API activation kernels: one vector loop per activation and direction, each in a method of its own, the
 * transcendental ones on {@link FloatMathPanama}, which performs {@link ActivationMath}'s operations in the same
 * order. Every element therefore gets the same bits from the vector loop, from the scalar tail loop (the last
 * {@code n mod L} elements) and from the scalar twin, so a GEMM epilogue, whose regions depend on the thread split,
 * gives the same bits for any split, on every JIT tier.
 *
 * <p>Why a method per loop: C2 stops inlining our methods once a compilation has created 18,000 nodes
 * ({@code NodeCountInliningCutoff}), and a vector that crosses a call that was not inlined is boxed (10-30x slower,
 * and allocating). With every loop in one method, a JVM that had run all nine activations compiled that method to
 * 40,000 nodes, and the loops parsed after the first 18,000 boxed (measured: 13 of the 18 loops).
 * Now a loop that C2 does not inline is a call on arrays, which costs nothing, and no loop calls a method of ours
 * with a vector except {@link FloatMathPanama}'s functions, the first thing it does. (A helper that took a vector
 * was measured failing too, in 1 of 30 JVMs: its caller had been inlined without a profile of its own, and C2 does
 * not inline a call site it has no count for.)
 */
public final class ActivationPanama implements ActivationKernels {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();

    @Override
    public void forward(Activation f, float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        if (f == Activation.IDENTITY) {
            if (x != y || xOff != yOff) {
                System.arraycopy(x, xOff, y, yOff, n);
            }
            return;
        }
        int done = switch (f) {
            case IDENTITY -> n;
            case SIGMOID -> sigmoid(n, x, xOff, y, yOff);
            case TANH -> tanh(n, x, xOff, y, yOff);
            case RELU -> relu(n, x, xOff, y, yOff);
            case LEAKY_RELU -> leakyRelu(alpha, n, x, xOff, y, yOff);
            case HARD_TANH -> hardTanh(n, x, xOff, y, yOff);
            case ELU -> elu(alpha, n, x, xOff, y, yOff);
            case SOFTPLUS -> softplus(n, x, xOff, y, yOff);
            case GELU -> gelu(n, x, xOff, y, yOff);
        };
        for (int i = done; i < n; i++) {
            y[yOff + i] = ActivationMath.forward(f, alpha, x[xOff + i]);
        }
    }

    @Override
    public void backward(Activation f, float alpha, int n, float[] cached, int cOff, float[] dy, int dyOff,
                         float[] dx, int dxOff) {
        backwardRow(f, alpha, n, cached, cOff, dy, dyOff, dx, dxOff, null, 0);
    }

    @Override
    public void backwardWithBiasGradient(Activation f, float alpha, int rows, int cols, float[] cached, int cOff,
                                         float[] dy, int dyOff, float[] dz, int dzOff, float[] dBias, int dBiasOff) {
        java.util.Arrays.fill(dBias, dBiasOff, dBiasOff + cols, 0f);
        for (int r = 0, row = 0; r < rows; r++, row += cols) {
            backwardRow(f, alpha, cols, cached, cOff + row, dy, dyOff + row, dz, dzOff + row, dBias, dBiasOff);
        }
    }

    /**
     * dx = dy ⊙ f′(c) over n elements and, when {@code dBias} is non-null, dBias += dx. The activations whose
     * derivative is plain arithmetic (identity, sigmoid, tanh and the piecewise ones) add each vector of dx into
     * dBias in their own loop; ELU, softplus and GELU, whose loops call {@link FloatMathPanama}, leave dx for a second
     * loop that reads it back from L1 (a loop that calls a method with a vector must not carry a second output).
     * Either way dBias gets the rows in order, the same bits. Summing in the loop measured 1.2-1.4x the two-loop form
     * for ReLU at 4 K-16 M elements on Zen 3 in runs of the backward alone, ~1.05x in a JVM that had run every kernel.
     */
    private static void backwardRow(Activation f, float alpha, int n, float[] c, int cOff, float[] dy, int dyOff,
                                    float[] dx, int dxOff, float[] dBias, int bOff) {
        int done = switch (f) {
            case IDENTITY -> identityBackward(n, dy, dyOff, dx, dxOff, dBias, bOff);
            case SIGMOID -> sigmoidBackward(n, c, cOff, dy, dyOff, dx, dxOff, dBias, bOff);
            case TANH -> tanhBackward(n, c, cOff, dy, dyOff, dx, dxOff, dBias, bOff);
            case RELU -> reluBackward(n, c, cOff, dy, dyOff, dx, dxOff, dBias, bOff);
            case LEAKY_RELU -> leakyReluBackward(alpha, n, c, cOff, dy, dyOff, dx, dxOff, dBias, bOff);
            case HARD_TANH -> hardTanhBackward(n, c, cOff, dy, dyOff, dx, dxOff, dBias, bOff);
            case ELU -> eluBackward(alpha, n, c, cOff, dy, dyOff, dx, dxOff);
            case SOFTPLUS -> softplusBackward(n, c, cOff, dy, dyOff, dx, dxOff);
            case GELU -> geluBackward(n, c, cOff, dy, dyOff, dx, dxOff);
        };
        for (int i = done; i < n; i++) {
            dx[dxOff + i] = ActivationMath.backward(f, alpha, c[cOff + i], dy[dyOff + i]);
        }
        if (dBias != null) {
            boolean summedInLoop = f != Activation.ELU && f != Activation.SOFTPLUS && f != Activation.GELU;
            int i = summedInLoop ? done : 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, dBias, bOff + i).add(FloatVector.fromArray(S, dx, dxOff + i))
                        .intoArray(dBias, bOff + i);
            }
            for (; i < n; i++) {
                dBias[bOff + i] += dx[dxOff + i];
            }
        }
    }

    // Forward loops: y = f(x) over the first S.loopBound(n) elements, which they return.

    private static int sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatMathPanama.sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatMathPanama.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        return bound;
    }

    /**
     * max(0, v) as a compare and a blend: the same bits as {@code Math.max(0f, v)} (−0 and every v ≤ 0 become +0,
     * NaN fails the compare and stays), where {@code max(0f)} compiles on AVX2 to the five instructions that give
     * {@code vmaxps} Java's NaN and signed-zero rules. Measured at 4 K elements on Zen 3: 1.3-1.6x as fast, 0.69-0.97x
     * arraycopy's bandwidth against 0.53-0.73x.
     */
    private static int relu(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            v.blend(0f, v.compare(VectorOperators.LE, 0f)).intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int leakyRelu(float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            v.blend(v.mul(alpha), v.compare(VectorOperators.GT, 0f).not()).intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int hardTanh(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);     // blends, as in relu: NaN and ±0 stay
            v.blend(-1f, v.compare(VectorOperators.LT, -1f)).blend(1f, v.compare(VectorOperators.GT, 1f))
                    .intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int elu(float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector negative = FloatMathPanama.expm1(v).mul(alpha);
            v.blend(negative, v.compare(VectorOperators.GT, 0f).not()).intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int softplus(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatMathPanama.softplus(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        return bound;
    }

    private static int gelu(int n, float[] x, int xOff, float[] y, int yOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector u = v.mul(v).mul(ActivationMath.GELU_A).fma(v, v).mul(ActivationMath.GELU_C);
            v.mul(FloatMathPanama.sigmoid(u.mul(2f))).intoArray(y, yOff + i);
        }
        return bound;
    }

    // Backward loops: dx = dy ⊙ f′(c) over the first S.loopBound(n) elements, which they return; those that take
    // dBias also add each vector of dx into it when it is non-null (see backwardRow). That addition is written out
    // in each loop, not a helper: a helper that takes a vector can be left a call, and its vector then boxes.

    private static int identityBackward(int n, float[] dy, int dyOff, float[] dx, int dxOff, float[] dBias,
                                        int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector z = FloatVector.fromArray(S, dy, dyOff + i);
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int sigmoidBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                       float[] dBias, int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector y = FloatVector.fromArray(S, c, cOff + i);
            FloatVector z = FloatVector.fromArray(S, dy, dyOff + i).mul(y.mul(y.neg().add(1f)));
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int tanhBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                    float[] dBias, int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector y = FloatVector.fromArray(S, c, cOff + i);
            FloatVector z = FloatVector.fromArray(S, dy, dyOff + i).mul(y.mul(y).neg().add(1f));
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int reluBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                    float[] dBias, int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, c, cOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
            FloatVector z = d.blend(v.mul(0f).mul(d), v.compare(VectorOperators.GT, 0f).not());
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int leakyReluBackward(float alpha, int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx,
                                         int dxOff, float[] dBias, int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, c, cOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
            FloatVector z = d.blend(d.mul(alpha).add(v.mul(0f)), v.compare(VectorOperators.GT, 0f).not());
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int hardTanhBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                        float[] dBias, int bOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, c, cOff + i);
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
            VectorMask<Float> inside = v.compare(VectorOperators.GT, -1f).and(v.compare(VectorOperators.LT, 1f));
            FloatVector z = d.blend(v.mul(0f).mul(d), inside.not());
            z.intoArray(dx, dxOff + i);
            if (dBias != null) {
                FloatVector.fromArray(S, dBias, bOff + i).add(z).intoArray(dBias, bOff + i);
            }
        }
        return bound;
    }

    private static int eluBackward(float alpha, int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx,
                                   int dxOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, c, cOff + i);
            // min(v, 0): the positive lanes, which the blend discards, compute e^0 rather than an undefined value.
            FloatVector e = FloatMathPanama.expNonPositive(v.min(0f));
            FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
            FloatVector g = d.blend(d.mul(e.mul(alpha)), v.compare(VectorOperators.GT, 0f).not());
            g.intoArray(dx, dxOff + i);
        }
        return bound;
    }

    private static int softplusBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector sigma = FloatMathPanama.sigmoid(FloatVector.fromArray(S, c, cOff + i));
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(sigma);
            g.intoArray(dx, dxOff + i);
        }
        return bound;
    }

    /** GELU′ as {@link ActivationMath#geluDerivative}, its σ(2u) written out (no call after the exponential). */
    private static int geluBackward(int n, float[] c, int cOff, float[] dy, int dyOff, float[] dx, int dxOff) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, c, cOff + i);
            FloatVector w = v.mul(v);
            FloatVector u = w.mul(ActivationMath.GELU_A).fma(v, v).mul(ActivationMath.GELU_C);
            FloatVector e = FloatMathPanama.expNonPositive(u.abs().mul(-2f));
            FloatVector d = e.add(1f);
            FloatVector sigma = e.blend(1f, u.compare(VectorOperators.GE, 0f)).div(d);
            FloatVector slope = w.fma(3f * ActivationMath.GELU_A, 1f).mul(ActivationMath.GELU_C);
            FloatVector derivative = e.div(d.mul(d)).mul(v.add(v)).fma(slope, sigma);
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(derivative);
            g.intoArray(dx, dxOff + i);
        }
        return bound;
    }
}
