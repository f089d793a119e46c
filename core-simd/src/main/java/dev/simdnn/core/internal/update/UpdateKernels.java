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
     * null unless AMSGrad. Both twins evaluate the last line with √c₂ moved out of the denominator,
     * θ ← θ − (γ√c₂ / c₁) · m / (√v + ε√c₂) and θ ← θ − (γ√c₂ / c₁) · m / √(v + εc₂): the same values, one
     * division per element instead of two ({@link #adamStep}, {@link #adamEps}); the divider bounds this pass.
     */
    void adam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
              float[] vMax, int vmOff, float lr, float beta1, float beta2, float eps, float weightDecay,
              boolean decoupled, float c1, float c2, boolean epsInside);

    /** The step of the folded Adam update, γ√c₂ / c₁, computed in double and rounded once (both twins). */
    static float adamStep(float lr, float c1, float c2) {
        return (float) (lr * Math.sqrt(c2) / c1);
    }

    /** The ε of the folded Adam update: ε√c₂, or εc₂ with ε inside the root (both twins). */
    static float adamEps(float eps, float c2, boolean epsInside) {
        return (float) (epsInside ? (double) eps * c2 : eps * Math.sqrt(c2));
    }

    /**
     * RMSProp (PyTorch {@code RMSprop}): g ← g + λθ; v ← αv + (1 − α)g²; centered: ḡ ← αḡ + (1 − α)g,
     * ṽ = v − ḡ², else ṽ = v; d = √ṽ + ε (or √(ṽ + ε) with {@code epsInside}); with momentum μ:
     * b ← μb + g/d, θ ← θ − γb (with {@code nesterov}: θ ← θ − γ(g/d + μb), Nesterov momentum applied as
     * PyTorch's SGD applies it; the seeds mention the variant, 000:L272); else θ ← θ − γg/d. {@code gAvg} is null
     * unless centered, {@code buf} null unless μ ≠ 0.
     */
    void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg, int gaOff,
                 float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay, float momentum,
                 boolean nesterov, boolean epsInside);

    /**
     * Momentum in the seeds' form (reference notes M32/M33): g ← g + λθ; v' = αv − γg; θ ← θ + v', or with
     * Nesterov in its reparametrised form θ ← θ + v' + α(v' − v), which needs only the gradient at θ; v ← v'.
     * The same as PyTorch's form while γ is constant, not under schedules.
     */
    void momentum(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float lr, float alpha,
                  float weightDecay, boolean nesterov);

    /**
     * AdaGrad: g ← g + λθ; s ← s + g²; θ ← θ − γ̃·g/(√s + ε) (PyTorch) or θ ← θ − γ̃·g/√(s + ε) (the seeds,
     * {@code epsInside}); γ̃ = γ/(1 + (t − 1)·lr_decay) is computed by the caller.
     */
    void adagrad(int n, float[] p, int pOff, float[] g, int gOff, float[] sum, int sOff, float lr, float eps,
                 float weightDecay, boolean epsInside);

    /**
     * AdaDelta (Zeiler 2012, PyTorch): g ← g + λθ; v ← ρv + (1 − ρ)g²; Δ = √(u + ε)/√(v + ε)·g;
     * u ← ρu + (1 − ρ)Δ²; θ ← θ − γΔ. ε is in both roots: without it in the numerator, u stays 0 and the
     * parameters never move (the chapter's printed form, trap P9).
     */
    void adadelta(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] u, int uOff,
                  float lr, float rho, float eps, float weightDecay);

    /** AdaMax (PyTorch): g ← g + λθ; m ← β₁m + (1 − β₁)g; u ← max(β₂u, |g| + ε); θ ← θ − (γ/c₁)·m/u. */
    void adamax(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] u, int uOff,
                float lr, float beta1, float beta2, float eps, float weightDecay, float c1);

    /**
     * NAdam (PyTorch): g ← g + λθ; m, v as Adam; d = √(v/c₂) + ε; θ ← θ − a·g/d − b·m/d, with the caller's
     * a = γ(1 − μₜ)/(1 − Πᵢ≤ₜ μᵢ) and b = γμₜ₊₁/(1 − Πᵢ≤ₜ₊₁ μᵢ), μₜ = β₁(1 − ½·0.96^(tψ)).
     */
    void nadam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, float a,
               float b, float c2, float beta1, float beta2, float eps, float weightDecay);

    /**
     * Rprop (sign-based, full batch): s = g·g_prev; step ← clamp(step·η₊ if s > 0, step·η₋ if s < 0, [min, max]);
     * where s < 0 the gradient is taken as 0. Without backtracking (PyTorch, iRprop−): θ ← θ − sign(g)·step.
     * With weight backtracking ({@code prevDelta} non-null, the lectures' variant): where s < 0 the previous
     * change is undone (θ ← θ − Δ_prev), elsewhere Δ = −sign(g)·step is applied and kept. g_prev ← g.
     */
    void rprop(int n, float[] p, int pOff, float[] g, int gOff, float[] prev, int prOff, float[] step, int stOff,
               float[] prevDelta, int pdOff, float etaMinus, float etaPlus, float stepMin, float stepMax);
}
