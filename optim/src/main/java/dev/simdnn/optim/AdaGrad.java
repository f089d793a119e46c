package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * AdaGrad, PyTorch's {@code torch.optim.Adagrad}:
 * <pre>
 * γ̃ = γ/(1 + (t − 1)·lr_decay);  g ← g + λθ;  s ← s + g²;  θ ← θ − γ̃·g/(√s + ε)   (or √(s + ε): the seeds)
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>lr_decay</td><td>{@value #DEFAULT_LR_DECAY}</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS} outside the root (PyTorch); the seeds: 1e-7 inside</td></tr>
 *   <tr><td>initial accumulator</td><td>{@value #DEFAULT_INITIAL_ACCUMULATOR}</td></tr>
 * </table>
 */
public final class AdaGrad extends Optimizer {
    public static final double DEFAULT_LR = 1e-2;
    public static final double DEFAULT_LR_DECAY = 0;
    public static final double DEFAULT_EPS = 1e-10;
    public static final double DEFAULT_INITIAL_ACCUMULATOR = 0;

    private double lrDecay;
    private float eps;
    private final boolean epsInside;

    public AdaGrad(float[] params, float[] grads, List<ParamGroup> groups, double lrDecay, double eps,
                   double initialAccumulator, boolean epsInside) {
        super(params, grads, groups, 1);
        setHyperParameters(lrDecay, eps);
        java.util.Arrays.fill(slots[0], checkNonNegative("initial_accumulator_value", initialAccumulator));
        this.epsInside = epsInside;
    }

    /** Changes the learning-rate decay and ε from the next step on. */
    public void setHyperParameters(double lrDecay, double eps) {
        double d = checkNonNegative("lr_decay", lrDecay);
        this.eps = checkPositive("epsilon", eps);
        this.lrDecay = d;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        Updates.adagrad(len, params, off, grads, off, slots[0], off, (float) (lr / (1 + (step - 1) * lrDecay)), eps,
                weightDecay, epsInside);
    }
}
