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
 * than {@link Math}), the last {@code n mod L} elements through {@link ActivationMath}.
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
            }
            case TANH -> {
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, x, xOff + i).lanewise(VectorOperators.TANH).intoArray(y, yOff + i);
                }
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
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector neg = v.lanewise(VectorOperators.EXPM1).mul(alpha);
                    v.blend(neg, v.compare(VectorOperators.GT, 0f).not()).intoArray(y, yOff + i);
                }
            }
            case SOFTPLUS -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector tail = v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P);
                    v.max(0f).add(tail).intoArray(y, yOff + i);
                }
            }
            case GELU -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector t = v.mul(v).mul(v).mul(ActivationMath.GELU_A).add(v).mul(ActivationMath.GELU_C)
                            .lanewise(VectorOperators.TANH);
                    v.mul(0.5f).mul(t.add(1f)).intoArray(y, yOff + i);
                }
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
    private static FloatVector sigmoid(FloatVector v) {
        FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
        FloatVector onePlusE = e.add(1f);
        return e.div(onePlusE).blend(FloatVector.broadcast(S, 1f).div(onePlusE), v.compare(VectorOperators.GE, 0f));
    }
}
