package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;

/**
 * Scalar definitions of every activation and its derivative, in float with {@link Math} functions: the
 * scalar twin's arithmetic and the Vector API kernels' tail loop, so both follow the same conventions.
 */
final class ActivationMath {
    private ActivationMath() {}

    /** √(2/π), the GELU tanh-approximation constant. */
    static final float GELU_C = 0.7978845608028654f;
    static final float GELU_A = 0.044715f;

    static float forward(Activation f, float alpha, float v) {
        return switch (f) {
            case IDENTITY -> v;
            case SIGMOID -> sigmoid(v);
            case TANH -> (float) Math.tanh(v);
            case RELU -> Math.max(0f, v);
            case LEAKY_RELU -> v > 0f ? v : alpha * v;
            case HARD_TANH -> Math.min(1f, Math.max(-1f, v));
            case ELU -> v > 0f ? v : alpha * (float) Math.expm1(v);
            case SOFTPLUS -> Math.max(v, 0f) + (float) Math.log1p(Math.exp(-Math.abs(v)));
            case GELU -> 0.5f * v * (1f + (float) Math.tanh(GELU_C * (v + GELU_A * v * v * v)));
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
            case ELU -> c > 0f ? dy : dy * (alpha * (float) Math.exp(c));
            case SOFTPLUS -> dy * sigmoid(c);
            case GELU -> dy * geluDerivative(c);
        };
    }

    /** 1/(1+e^−v) without overflow: e^−|v| ≤ 1 always. */
    static float sigmoid(float v) {
        float e = (float) Math.exp(-Math.abs(v));
        return v >= 0f ? 1f / (1f + e) : e / (1f + e);
    }

    static float geluDerivative(float v) {
        float t = (float) Math.tanh(GELU_C * (v + GELU_A * v * v * v));
        return 0.5f * (1f + t) + 0.5f * v * (1f - t * t) * GELU_C * (1f + 3f * GELU_A * v * v);
    }
}
