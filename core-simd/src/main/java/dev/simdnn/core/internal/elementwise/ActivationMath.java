package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.math.FloatMath;

/**
 * Scalar definitions of every activation and its derivative, in float on {@link FloatMath}'s transcendentals:
 * the scalar twin's arithmetic and the Vector API kernels' tail loop. {@link ActivationPanama} performs the same
 * operations in the same order, so the two give the same bits for every input.
 *
 * <p>GELU (tanh form) is evaluated through the identity (1 + tanh u)/2 = σ(2u): GELU(v) = v·σ(2u) with
 * u = √(2/π)·(v + 0.044715·v³), and GELU′(v) = σ(2u) + 2v·u′·σ(2u)(1 − σ(2u)) with σ(1 − σ) = e/(1 + e)² for
 * e = e^−2|u|. This is the same function as PyTorch's {@code gelu(approximate='tanh')}, without the cancellation
 * of 1 + tanh u for negative v (a 1-ulp change of tanh near −1 moved GELU(−4) by 0.2 %). For |v| above ~1.8·10¹⁹
 * v² overflows and the derivative is NaN.
 */
final class ActivationMath {
    private ActivationMath() {}

    /** √(2/π), the GELU tanh-approximation constant. */
    static final float GELU_C = 0.7978845608028654f;
    static final float GELU_A = 0.044715f;

    static float forward(Activation f, float alpha, float v) {
        return switch (f) {
            case IDENTITY -> v;
            case SIGMOID -> FloatMath.sigmoid(v);
            case TANH -> FloatMath.tanh(v);
            case RELU -> Math.max(0f, v);
            case LEAKY_RELU -> v > 0f ? v : alpha * v;
            case HARD_TANH -> Math.min(1f, Math.max(-1f, v));
            case ELU -> v > 0f ? v : alpha * FloatMath.expm1(v);
            case SOFTPLUS -> FloatMath.softplus(v);
            case GELU -> v * FloatMath.sigmoid(geluInner(v * v, v) * 2f);
        };
    }

    /**
     * dy · f′, with {@code c} the output (sigmoid, tanh) or the input (the others). Where a piecewise
     * derivative is 0 the result is {@code (0·c)·dy}: ±0 for finite values, NaN when c or dy is NaN, so a
     * NaN is never turned into a finite gradient.
     */
    static float backward(Activation f, float alpha, float c, float dy) {
        return switch (f) {
            case IDENTITY -> dy;
            case SIGMOID -> dy * (c * (1f - c));
            case TANH -> dy * (1f - c * c);
            case RELU -> c > 0f ? dy : 0f * c * dy;
            case LEAKY_RELU -> c > 0f ? dy : alpha * dy + 0f * c;
            case HARD_TANH -> c > -1f && c < 1f ? dy : 0f * c * dy;
            case ELU -> c > 0f ? dy : dy * (alpha * FloatMath.expNonPositive(c));
            case SOFTPLUS -> dy * FloatMath.sigmoid(c);
            case GELU -> dy * geluDerivative(c);
        };
    }

    /** u = √(2/π)·(v + 0.044715·v³), from w = v². */
    static float geluInner(float w, float v) {
        return Math.fma(GELU_A * w, v, v) * GELU_C;
    }

    /** GELU′(v) = σ(2u) + e/(1 + e)²·2v·u′, e = e^−2|u| (see the class comment). */
    static float geluDerivative(float v) {
        float w = v * v;
        float u = geluInner(w, v);
        float e = FloatMath.expNonPositive(Math.abs(u) * -2f);
        float d = 1f + e;
        float sigma = FloatMath.sigmoidOfExp(u, e);
        float slope = Math.fma(3f * GELU_A, w, 1f) * GELU_C;
        return Math.fma(e / (d * d) * (v + v), slope, sigma);
    }
}
