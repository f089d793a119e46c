package dev.simdnn.core;

/** Whether a GEMM operand is used as stored ({@link #N}) or transposed ({@link #T}). */
public enum Trans {
    /** op(X) = X. */
    N,
    /** op(X) = Xᵀ. */
    T;

    /** {@code true} for {@link #T}. */
    public boolean transposed() {
        return this == T;
    }
}
