package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API activation kernels: one vector loop per activation (the switch is outside the loop), the
 * transcendental ones on {@code lanewise(EXP | EXPM1 | LOG1P | TANH)} (SVML on x86, ≤ 1 ulp, ~16-19x faster
 * than {@link Math}). Forward: the transcendental activations finish their last partial vector with the vector function too
 * ({@link #vectorTail}), so every element
 * gets the same vector function wherever it sits in the range: a GEMM epilogue applies them to regions whose
 * boundaries depend on the thread split, and the results must not (they would differ by an ulp between the SVML
 * vector function and {@link Math}). The piecewise ones, pure arithmetic identical in both forms, and the backward
 * passes finish the last {@code n mod L} elements through {@link ActivationMath}. Caveat: the Vector API itself
 * evaluates {@code lanewise(EXP/TANH/…)} with SVML only in C2-compiled code and with {@link Math} before, so
 * during warm-up a transcendental activation may differ from its steady-state value by 1 ulp.
 */
public final class ActivationPanama implements ActivationKernels {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();

    @Override
    public void forward(Activation f, float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (f) {
            case IDENTITY -> {
                if (x != y || xOff != yOff) {
                    System.arraycopy(x, xOff, y, yOff, n);
                }
                return;
            }
            case SIGMOID -> {
                for (; i < bound; i += L) {
                    sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
                }
                vectorTail(f, alpha, n - i, x, xOff + i, y, yOff + i);
                return;
            }
            case TANH -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(y, yOff + i);
                }
                vectorTail(f, alpha, n - i, x, xOff + i, y, yOff + i);
                return;
            }
            case RELU -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
                }
            }
            case LEAKY_RELU -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    v.blend(v.mul(alpha), v.compare(VectorOperators.GT, 0f).not()).intoArray(y, yOff + i);
                }
            }
            case HARD_TANH -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xOff + i).max(-1f).min(1f).intoArray(y, yOff + i);
                }
            }
            case ELU -> {
                for (; i < bound; i += L) {
                    elu(FloatVector.fromArray(S, x, xOff + i), alpha).intoArray(y, yOff + i);
                }
                vectorTail(f, alpha, n - i, x, xOff + i, y, yOff + i);
                return;
            }
            case SOFTPLUS -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector tail = v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P);
                    v.max(0f).add(tail).intoArray(y, yOff + i);
                }
                vectorTail(f, alpha, n - i, x, xOff + i, y, yOff + i);
                return;
            }
            case GELU -> {
                for (; i < bound; i += L) {
                    gelu(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
                }
                vectorTail(f, alpha, n - i, x, xOff + i, y, yOff + i);
                return;
            }
        }
        for (; i < n; i++) {
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
     * dx = dy ⊙ f′(c) over n elements and, when {@code dBias} is non-null, dBias += dx (the row is still in
     * registers: the fused bias gradient costs no extra pass). One loop per activation, so that no method
     * taking vectors is too big for C2 to inline (a boxed vector costs 10-30x).
     */
    private static void backwardRow(Activation f, float alpha, int n, float[] cached, int cOff, float[] dy, int dyOff,
                                    float[] dx, int dxOff, float[] dBias, int bOff) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (f) {
            case IDENTITY -> {
                for (; i < bound; i += L) {
                    store(FloatVector.fromArray(S, dy, dyOff + i), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case SIGMOID -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(c.mul(c.neg().add(1f)));
                    store(g, dx, dxOff + i, dBias, bOff + i);
                }
            }
            case TANH -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector g = FloatVector.fromArray(S, dy, dyOff + i).mul(c.mul(c).neg().add(1f));
                    store(g, dx, dxOff + i, dBias, bOff + i);
                }
            }
            case RELU -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
                    store(d.blend(c.mul(0f).mul(d), notPositive(c)), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case LEAKY_RELU -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
                    store(d.blend(d.mul(alpha).add(c.mul(0f)), notPositive(c)), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case HARD_TANH -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
                    VectorMask<Float> inside = c.compare(VectorOperators.GT, -1f).and(c.compare(VectorOperators.LT, 1f));
                    store(d.blend(c.mul(0f).mul(d), inside.not()), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case ELU -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector d = FloatVector.fromArray(S, dy, dyOff + i);
                    FloatVector neg = d.mul(c.lanewise(VectorOperators.EXP).mul(alpha));
                    store(d.blend(neg, notPositive(c)), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case SOFTPLUS -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    store(FloatVector.fromArray(S, dy, dyOff + i).mul(sigmoid(c)), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case GELU -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    FloatVector t = c.mul(c).mul(c).mul(ActivationMath.GELU_A).add(c).mul(ActivationMath.GELU_C)
                            .lanewise(VectorOperators.TANH);
                    FloatVector inner = c.mul(c).mul(3f * ActivationMath.GELU_A).add(1f).mul(ActivationMath.GELU_C);
                    FloatVector d = t.add(1f).mul(0.5f).add(c.mul(0.5f).mul(t.mul(t).neg().add(1f)).mul(inner));
                    store(FloatVector.fromArray(S, dy, dyOff + i).mul(d), dx, dxOff + i, dBias, bOff + i);
                }
            }
        }
        for (; i < n; i++) {
            float g = ActivationMath.backward(f, alpha, cached[cOff + i], dy[dyOff + i]);
            dx[dxOff + i] = g;
            if (dBias != null) {
                dBias[bOff + i] += g;
            }
        }
    }

    private static void store(FloatVector g, float[] dx, int dxOff, float[] dBias, int bOff) {
        g.intoArray(dx, dxOff);
        if (dBias != null) {
            FloatVector.fromArray(S, dBias, bOff).add(g).intoArray(dBias, bOff);
        }
    }

    /** Lanes where v > 0 is false (v ≤ 0 or NaN). */
    private static VectorMask<Float> notPositive(FloatVector v) {
        return v.compare(VectorOperators.GT, 0f).not();
    }

    /** 1/(1+e^−v) from e = e^−|v| ≤ 1, so exp never overflows: 1/(1+e) for v ≥ 0, e/(1+e) below. */
    /** Per-thread room for one vector, so that a tail runs through the same vector code without masks. */
    private static final ThreadLocal<float[]> TAIL = ThreadLocal.withInitial(() -> new float[L]);

    /**
     * The last {@code count < L} elements of a transcendental activation through the vector function: copied into
     * a zero-padded scratch vector, computed, copied back (a masked load past the end of an array takes a slow
     * path that allocates).
     */
    private static void vectorTail(Activation f, float alpha, int count, float[] x, int xOff, float[] y, int yOff) {
        if (count == 0) {
            return;
        }
        float[] t = TAIL.get();
        java.util.Arrays.fill(t, 0f);
        System.arraycopy(x, xOff, t, 0, count);
        FloatVector v = FloatVector.fromArray(S, t, 0);
        FloatVector r = switch (f) {
            case SIGMOID -> sigmoid(v);
            case TANH -> v.lanewise(VectorOperators.TANH);
            case ELU -> elu(v, alpha);
            case SOFTPLUS -> v.max(0f).add(v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
            case GELU -> gelu(v);
            default -> throw new IllegalArgumentException(f + " needs no vector tail");
        };
        r.intoArray(t, 0);
        System.arraycopy(t, 0, y, yOff, count);
    }

    private static FloatVector elu(FloatVector v, float alpha) {
        return v.blend(v.lanewise(VectorOperators.EXPM1).mul(alpha), v.compare(VectorOperators.GT, 0f).not());
    }

    private static FloatVector gelu(FloatVector v) {
        FloatVector t = v.mul(v).mul(v).mul(ActivationMath.GELU_A).add(v).mul(ActivationMath.GELU_C)
                .lanewise(VectorOperators.TANH);
        return v.mul(0.5f).mul(t.add(1f));
    }

    private static FloatVector sigmoid(FloatVector v) {
        FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
        FloatVector onePlusE = e.add(1f);
        return e.div(onePlusE).blend(FloatVector.broadcast(S, 1f).div(onePlusE), v.compare(VectorOperators.GE, 0f));
    }
}
