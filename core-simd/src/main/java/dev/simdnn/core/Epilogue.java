package dev.simdnn.core;

/**
 * What a GEMM does to each result before it is stored: {@code C = act(α·op(A)·op(B) + β·C + bias)}, where
 * {@code bias} has one value per column of C (one per output feature, with C batch-major), and optionally
 * the pre-activation {@code Z = α·op(A)·op(B) + β·C + bias} is kept for the backward pass.
 *
 * <p>Immutable; build once per layer and reuse (creating one per call allocates a small object).
 */
public final class Epilogue {
    /** No bias, no activation, nothing kept: plain GEMM. */
    public static final Epilogue NONE = new Epilogue(Activation.IDENTITY, Float.NaN, null, 0, null, 0, 0);

    final Activation activation;
    final float alpha;
    final float[] bias;
    final int biasOffset;
    final float[] pre;
    final int preOffset;
    final int ldPre;

    private Epilogue(Activation activation, float alpha, float[] bias, int biasOffset, float[] pre, int preOffset,
                     int ldPre) {
        this.activation = Checks.notNull("activation", activation);
        this.alpha = alpha;
        this.bias = bias;
        this.biasOffset = biasOffset;
        this.pre = pre;
        this.preOffset = preOffset;
        this.ldPre = ldPre;
    }

    /** Applies {@code activation} (with its default α for leaky ReLU and ELU) to every result. */
    public static Epilogue of(Activation activation) {
        return of(activation, Checks.notNull("activation", activation).defaultAlpha());
    }

    /** Applies {@code activation} with parameter {@code alpha} (leaky ReLU's slope, ELU's scale). */
    public static Epilogue of(Activation activation, float alpha) {
        Activations.checkAlpha(Checks.notNull("activation", activation), alpha);
        return new Epilogue(activation, alpha, null, 0, null, 0, 0);
    }

    /** Adds {@code bias[biasOffset + j]} to column j before the activation. */
    public Epilogue withBias(float[] bias, int biasOffset) {
        Checks.notNull("bias", bias);
        Checks.nonNegative("biasOffset", biasOffset);
        return new Epilogue(activation, alpha, bias, biasOffset, pre, preOffset, ldPre);
    }

    /**
     * Also stores the pre-activation Z (same shape as C) at {@code pre[preOffset + i·ldPre + j]}: what the
     * backward pass of a non-linear activation needs.
     */
    public Epilogue keepingPreActivation(float[] pre, int preOffset, int ldPre) {
        Checks.notNull("pre", pre);
        return new Epilogue(activation, alpha, bias, biasOffset, pre, preOffset, ldPre);
    }

    /** The fused activation. */
    public Activation activation() {
        return activation;
    }

    /** The activation's parameter (NaN for activations without one). */
    public float alpha() {
        return alpha;
    }

    /** True when nothing happens after α·op(A)·op(B) + β·C. */
    public boolean isNone() {
        return activation == Activation.IDENTITY && bias == null && pre == null;
    }

    /** Validates the bias and pre-activation ranges against an m×n result. */
    void check(int m, int n) {
        if (bias != null) {
            Checks.range("bias", bias.length, biasOffset, n);
        }
        if (pre != null) {
            Gemm.checkMatrix("pre", pre.length, preOffset, ldPre, m, n);
        }
    }

    // Accessors for the kernels (internal package).
    public float[] bias() { return bias; }
    public int biasOffset() { return biasOffset; }
    public float[] pre() { return pre; }
    public int preOffset() { return preOffset; }
    public int ldPre() { return ldPre; }
}
