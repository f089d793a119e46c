package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * AdaDelta (Zeiler 2012), PyTorch's {@code torch.optim.Adadelta}:
 * <pre>
 * g ← g + λθ;  v ← ρv + (1 − ρ)g²;  Δ = √(u + ε)/√(v + ε)·g;  u ← ρu + (1 − ρ)Δ²;  θ ← θ − γΔ
 * </pre>
 * ε sits in both roots: the chapter's printed form without it in the numerator never moves (trap P9).
 * <table>
 *   <caption>Defaults (PyTorch; Zeiler uses ρ = 0.95)</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>ρ</td><td>{@value #DEFAULT_RHO}</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS}</td></tr>
 * </table>
 */
public final class AdaDelta extends Optimizer {
    public static final double DEFAULT_LR = 1.0;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPS = 1e-6;

    private float rho, eps;

    public AdaDelta(float[] params, float[] grads, List<ParamGroup> groups, double rho, double eps) {
        super(params, grads, groups, 2);
        setHyperParameters(rho, eps);
    }

    /** Changes ρ and ε from the next step on. */
    public void setHyperParameters(double rho, double eps) {
        float r = checkUnitInterval("rho", rho);
        this.eps = checkPositive("epsilon", eps);
        this.rho = r;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.adadelta(len, params, off, grads, off, slots[0], off, slots[1], off, lr, rho, eps, weightDecay);
    }
}
