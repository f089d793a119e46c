package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * Momentum in the seeds' form (reference notes M32/M33), v the velocity:
 * <pre>
 * NONE:            v ← αv − γ∇J(θ);            θ ← θ + v
 * REPARAMETRISED:  v' = αv − γ∇J(θ);           θ ← θ + v' + α(v' − v);  v ← v'   (Nesterov, gradient at θ)
 * LOOK_AHEAD:      v ← αv − γ∇J(θ + αv);       θ ← θ + v                         (Nesterov, gradient at θ + αv:
 *                  the caller evaluates it at {@link #lookAheadPoint})
 * </pre>
 * Equal to PyTorch's SGD momentum while γ is constant; they differ under schedules (γ inside v here).
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>α</td><td>{@value #DEFAULT_ALPHA} (the seeds' value)</td></tr>
 * </table>
 */
public final class Momentum extends Optimizer {
    public static final double DEFAULT_ALPHA = 0.9;

    /** Which Nesterov form, if any. */
    public enum Nesterov { NONE, REPARAMETRISED, LOOK_AHEAD }

    private float alpha;
    private final Nesterov nesterov;

    public Momentum(float[] params, float[] grads, List<ParamGroup> groups, double alpha, Nesterov nesterov) {
        super(params, grads, groups, 1);
        setAlpha(alpha);
        if (nesterov == null) {
            throw new IllegalArgumentException("nesterov must not be null");
        }
        this.nesterov = nesterov;
    }

    /** θ + αv, where {@link Nesterov#LOOK_AHEAD} wants the next gradient evaluated. */
    public void lookAheadPoint(float[] out) {
        if (out.length != params.length) {
            throw new IllegalArgumentException("out has " + out.length + " values, the parameters " + params.length);
        }
        for (int i = 0; i < params.length; i++) {
            out[i] = Math.fma(alpha, slots[0][i], params[i]);
        }
    }

    /** Changes α from the next step on. */
    public void setAlpha(double alpha) {
        this.alpha = checkUnitInterval("alpha", alpha);
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.momentum(len, params, off, grads, off, slots[0], off, lr, alpha, weightDecay,
                nesterov == Nesterov.REPARAMETRISED);
    }
}
