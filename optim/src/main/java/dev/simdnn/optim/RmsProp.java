package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * RMSProp, PyTorch's {@code torch.optim.RMSprop}:
 * <pre>
 * g ← g + λθ;  v ← αv + (1 − α)g²;  centered: ḡ ← αḡ + (1 − α)g, ṽ = v − ḡ²;  d = √ṽ + ε (or √(ṽ + ε))
 * momentum μ > 0:  b ← μb + g/d;  θ ← θ − γb   (Nesterov: θ ← θ − γ(g/d + μb))      else  θ ← θ − γg/d
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>α</td><td>{@value #DEFAULT_ALPHA} (PyTorch and the seeds; Hinton and Keras use 0.9)</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS} outside the root (the seeds put it inside: {@code epsInside})</td></tr>
 *   <tr><td>momentum, Nesterov, centered</td><td>0, false, false</td></tr>
 * </table>
 */
public final class RmsProp extends Optimizer {
    public static final double DEFAULT_LR = 1e-2;
    public static final double DEFAULT_ALPHA = 0.99;
    public static final double DEFAULT_EPS = 1e-8;

    private float alpha, eps, momentum;
    private final boolean nesterov, centered, epsInside;

    public RmsProp(float[] params, float[] grads, List<ParamGroup> groups, double alpha, double eps, double momentum,
                   boolean centered, boolean epsInside) {
        this(params, grads, groups, alpha, eps, momentum, false, centered, epsInside);
    }

    /** With Nesterov momentum ({@code nesterov} needs momentum > 0). */
    public RmsProp(float[] params, float[] grads, List<ParamGroup> groups, double alpha, double eps, double momentum,
                   boolean nesterov, boolean centered, boolean epsInside) {
        super(params, grads, groups, 3);
        this.nesterov = nesterov;
        setHyperParameters(alpha, eps, momentum);
        this.centered = centered;
        this.epsInside = epsInside;
    }

    /** Changes α, ε and the momentum from the next step on (a momentum of 0 keeps the buffer as it is). */
    public void setHyperParameters(double alpha, double eps, double momentum) {
        float a = checkUnitInterval("alpha", alpha), e = checkPositive("epsilon", eps);
        float m = checkNonNegative("momentum", momentum);
        if (nesterov && m <= 0) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum > 0, got momentum " + momentum);
        }
        this.alpha = a;
        this.eps = e;
        this.momentum = m;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.rmsprop(len, params, off, grads, off, slots[0], off, centered ? slots[1] : null, off,
                momentum != 0 ? slots[2] : null, off, lr, alpha, eps, weightDecay, momentum, nesterov, epsInside);
    }
}
