package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * AdaMax, PyTorch's {@code torch.optim.Adamax}:
 * <pre>
 * g ← g + λθ;  m ← β₁m + (1 − β₁)g;  u ← max(β₂u, |g| + ε);  θ ← θ − γ/(1 − β₁ᵗ) · m/u
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>β₁, β₂</td><td>{@value #DEFAULT_BETA1}, {@value #DEFAULT_BETA2}</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS}</td></tr>
 * </table>
 */
public final class AdaMax extends Optimizer {
    public static final double DEFAULT_LR = 2e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private float beta1, beta2, eps;

    public AdaMax(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps) {
        super(params, grads, groups, 2);
        setBetas(beta1, beta2, eps);
    }

    /** Changes β₁, β₂ and ε from the next step on. */
    public void setBetas(double beta1, double beta2, double eps) {
        float b1 = checkUnitInterval("beta1", beta1), b2 = checkUnitInterval("beta2", beta2);
        this.eps = checkPositive("epsilon", eps);
        this.beta1 = b1;
        this.beta2 = b2;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.adamax(len, params, off, grads, off, slots[0], off, slots[1], off, step, lr, beta1, beta2, eps,
                weightDecay);
    }
}
