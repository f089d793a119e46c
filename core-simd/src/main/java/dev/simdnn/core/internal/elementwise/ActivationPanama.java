package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.PanamaSpecies;
import dev.simdnn.core.internal.math.FloatMathPanama;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API activation kernels: one vector loop per activation (the switch is outside the loop), the
 * transcendental ones on {@link FloatMathPanama}, which performs {@link ActivationMath}'s operations in the same
 * order. Every element therefore gets the same bits from the vector loop, from the scalar tail loop (the last
 * {@code n mod L} elements) and from the scalar twin, so a GEMM epilogue, whose regions depend on the thread split,
 * gives the same bits for any split, on every JIT tier.
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
                    FloatMathPanama.sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
                }
            }
            case TANH -> {
                for (; i < bound; i += L) {
                    FloatMathPanama.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
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
                    v.blend(FloatMathPanama.expm1(v).mul(alpha), notPositive(v)).intoArray(y, yOff + i);
                }
            }
            case SOFTPLUS -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector tail = FloatMathPanama.log1pUnit(FloatMathPanama.expNonPositive(v.abs().neg()));
                    v.max(0f).add(tail).intoArray(y, yOff + i);
                }
            }
            case GELU -> {
                for (; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xOff + i);
                    v.mul(FloatMathPanama.sigmoid(geluInner(v.mul(v), v).mul(2f))).intoArray(y, yOff + i);
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
                    FloatVector neg = d.mul(FloatMathPanama.expNonPositive(c.min(0f)).mul(alpha));
                    store(d.blend(neg, notPositive(c)), dx, dxOff + i, dBias, bOff + i);
                }
            }
            case SOFTPLUS -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    store(FloatVector.fromArray(S, dy, dyOff + i).mul(FloatMathPanama.sigmoid(c)), dx, dxOff + i, dBias,
                            bOff + i);
                }
            }
            case GELU -> {
                for (; i < bound; i += L) {
                    FloatVector c = FloatVector.fromArray(S, cached, cOff + i);
                    store(FloatVector.fromArray(S, dy, dyOff + i).mul(geluDerivative(c)), dx, dxOff + i, dBias,
                            bOff + i);
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

    /** As {@link ActivationMath#geluInner}. */
    private static FloatVector geluInner(FloatVector w, FloatVector v) {
        return w.mul(ActivationMath.GELU_A).fma(v, v).mul(ActivationMath.GELU_C);
    }

    /** As {@link ActivationMath#geluDerivative}. */
    private static FloatVector geluDerivative(FloatVector v) {
        FloatVector w = v.mul(v);
        FloatVector u = geluInner(w, v);
        FloatVector e = FloatMathPanama.expNonPositive(u.abs().mul(-2f));
        FloatVector d = e.add(1f);
        FloatVector sigma = FloatMathPanama.sigmoidOfExp(u, e);
        FloatVector slope = w.fma(3f * ActivationMath.GELU_A, 1f).mul(ActivationMath.GELU_C);
        return e.div(d.mul(d)).mul(v.add(v)).fma(slope, sigma);
    }
}
