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
public final class AdaMax extends TwoMomentOptimizer {
    public static final double DEFAULT_LR = 2e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;


    public AdaMax(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps) {
        super(params, grads, groups, 2, beta1, beta2, eps);
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.adamax(len, params, off, grads, off, slots[0], off, slots[1], off, step, lr, beta1, beta2, eps,
                weightDecay);
    }
}
