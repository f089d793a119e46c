package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * Adam, PyTorch's {@code torch.optim.Adam} (and, with decoupled decay, {@link AdamW}):
 * <pre>
 * g ← g + λθ   (coupled; AdamW instead: θ ← θ − γλθ)
 * m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²;   AMSGrad: v̄ ← max(v̄, v) used for v
 * θ ← θ − γ/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε)     (bias correction off: both corrections 1;
 *                                                     ε inside the root as an option)
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>β₁, β₂</td><td>{@value #DEFAULT_BETA1}, {@value #DEFAULT_BETA2}</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS} (outside the root)</td></tr>
 *   <tr><td>weight decay λ (per group)</td><td>0 for Adam, {@value AdamW#DEFAULT_WEIGHT_DECAY} for AdamW</td></tr>
 *   <tr><td>amsgrad, bias correction</td><td>false, true</td></tr>
 * </table>
 */
public class Adam extends TwoMomentOptimizer {
    public static final double DEFAULT_LR = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final boolean amsgrad, biasCorrection, epsInside, decoupled;

    public Adam(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps,
                boolean amsgrad, boolean biasCorrection, boolean epsInside) {
        this(params, grads, groups, beta1, beta2, eps, amsgrad, biasCorrection, epsInside, false);
    }

    Adam(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps,
         boolean amsgrad, boolean biasCorrection, boolean epsInside, boolean decoupled) {
        super(params, grads, groups, 3, beta1, beta2, eps);
        this.amsgrad = amsgrad;
        this.biasCorrection = biasCorrection;
        this.epsInside = epsInside;
        this.decoupled = decoupled;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.adam(len, params, off, grads, off, slots[0], off, slots[1], off, amsgrad ? slots[2] : null, off, step,
                lr, beta1, beta2, eps, weightDecay, decoupled, biasCorrection, epsInside);
    }
}
