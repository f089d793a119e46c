package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * Stochastic gradient descent, PyTorch's {@code torch.optim.SGD}:
 * <pre>
 * g ← g + λθ                                  (weight decay, coupled L2)
 * if μ ≠ 0:  b ← g (first step) or μb + (1 − τ)g;   g ← g + μb (Nesterov) or b
 * θ ← θ − γg
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ (per group)</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>momentum μ</td><td>{@value #DEFAULT_MOMENTUM}</td></tr>
 *   <tr><td>dampening τ</td><td>{@value #DEFAULT_DAMPENING}</td></tr>
 *   <tr><td>nesterov</td><td>false (needs μ &gt; 0 and τ = 0)</td></tr>
 * </table>
 */
public final class Sgd extends Optimizer {
    public static final double DEFAULT_LR = 1e-3;
    public static final double DEFAULT_MOMENTUM = 0;
    public static final double DEFAULT_DAMPENING = 0;

    private float momentum, dampening;
    private final boolean nesterov;

    public Sgd(float[] params, float[] grads, List<ParamGroup> groups, double momentum, double dampening,
               boolean nesterov) {
        super(params, grads, groups, 1);
        this.nesterov = nesterov;
        setMomentum(momentum, dampening);
    }

    /** Changes μ and τ from the next step on (Nesterov still needs μ > 0 and τ = 0). */
    public void setMomentum(double momentum, double dampening) {
        float m = checkNonNegative("momentum", momentum), d = checkNonNegative("dampening", dampening);
        if (nesterov && (m <= 0 || d != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening, got momentum "
                    + momentum + ", dampening " + dampening);
        }
        this.momentum = m;
        this.dampening = d;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.sgd(len, params, off, grads, off, slots[0], off, lr, momentum, dampening, weightDecay, nesterov,
                step == 1);
    }
}
