package dev.simdnn.core.internal.update;

/**
 * One single pass over (parameters, gradients, state) per optimizer step, PyTorch's update rules
 * ({@code torch.optim}, reference notes frameworks-and-users §1.1). Per-step scalars (bias corrections) are
 * computed by the caller; inputs are valid (checked by {@link dev.simdnn.core.Updates}). Every operation is
 * element-wise with the same fma/sqrt/div sequence in both twins, so the scalar and Vector API kernels agree
 * bit for bit after any number of steps.
 */
public interface UpdateKernels {
    /**
     * SGD with coupled weight decay, momentum, dampening and Nesterov (PyTorch {@code SGD}):
     * <pre>
     * g ← g + λθ
     * if μ ≠ 0:  b ← g on the first step, else b ← μb + (1 − τ)g
     *            g ← g + μb (Nesterov) or b
     * θ ← θ − γg
     * </pre>
     * {@code buf} may be null when μ = 0. The gradient array is not modified.
     */
    void sgd(int n, float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, float lr, float momentum,
             float dampening, float weightDecay, boolean nesterov, boolean firstStep);

    /**
     * Adam, AdamW and AMSGrad (PyTorch {@code Adam}/{@code AdamW}, matching the code rather than the docstring for
     * AMSGrad: the maximum is kept over the raw second moment):
     * <pre>
     * g ← g + λθ                        (coupled, Adam's weight_decay)   or   θ ← θ − γλθ   (decoupled, AdamW)
     * m ← β₁m + (1 − β₁)g ;  v ← β₂v + (1 − β₂)g² ;  AMSGrad: v̄ ← max(v̄, v), used in place of v
     * θ ← θ − (γ / c₁) · m / (√v / √c₂ + ε)        (ε outside the root: PyTorch)
     * θ ← θ − (γ / c₁) · m / √(v / c₂ + ε)         (ε inside the root: {@code epsInside})
     * </pre>
     * c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ are the bias corrections (1 when bias correction is off). {@code vMax} is
     * null unless AMSGrad.
     */
    void adam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
              float[] vMax, int vmOff, float lr, float beta1, float beta2, float eps, float weightDecay,
              boolean decoupled, float c1, float c2, boolean epsInside);

    /**
     * RMSProp (PyTorch {@code RMSprop}): g ← g + λθ; v ← αv + (1 − α)g²; centered: ḡ ← αḡ + (1 − α)g,
     * ṽ = v − ḡ², else ṽ = v; d = √ṽ + ε (or √(ṽ + ε) with {@code epsInside}); with momentum μ:
     * b ← μb + g/d, θ ← θ − γb; else θ ← θ − γg/d. {@code gAvg} is null unless centered, {@code buf} null
     * unless μ ≠ 0.
     */
    void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg, int gaOff,
                 float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay, float momentum,
                 boolean epsInside);
}
