package dev.simdnn.core;

/**
 * Activations that the GEMM epilogue can fuse ({@link Epilogue}). Conventions follow the reference notes:
 * ReLU'(0) = 0 (the derivative is taken from the input, {@code v > 0}).
 */
public enum Activation {
    /** f(v) = v. */
    IDENTITY,
    /** f(v) = max(0, v); NaN stays NaN. */
    RELU
}
