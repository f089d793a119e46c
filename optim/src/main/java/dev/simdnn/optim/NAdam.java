package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * NAdam, PyTorch's {@code torch.optim.NAdam}:
 * <pre>
 * μₜ = β₁(1 − ½·0.96^(tψ));  Πₜ = Πᵢ≤ₜ μᵢ
 * g ← g + λθ;  m, v as Adam;  d = √(v/(1 − β₂ᵗ)) + ε
 * θ ← θ − γ(1 − μₜ)/(1 − Πₜ) · g/d − γμₜ₊₁/(1 − Πₜμₜ₊₁) · m/d
 * </pre>
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>lr γ</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>β₁, β₂</td><td>{@value #DEFAULT_BETA1}, {@value #DEFAULT_BETA2}</td></tr>
 *   <tr><td>ε</td><td>{@value #DEFAULT_EPS}</td></tr>
 *   <tr><td>momentum decay ψ</td><td>{@value #DEFAULT_MOMENTUM_DECAY}</td></tr>
 * </table>
 */
public final class NAdam extends TwoMomentOptimizer {
    public static final double DEFAULT_LR = 2e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;
    public static final double DEFAULT_MOMENTUM_DECAY = 4e-3;

    private final double momentumDecay;
    private double product = 1;

    public NAdam(float[] params, float[] grads, List<ParamGroup> groups, double beta1, double beta2, double eps,
                 double momentumDecay) {
        super(params, grads, groups, 2, beta1, beta2, eps);
        this.momentumDecay = checkNonNegative("momentum_decay", momentumDecay);
    }

    private double mu(long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    }

    @Override
    protected void beforeStep(long step) {
        product *= mu(step);
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        double mu = mu(step), next = mu(step + 1);
        float a = (float) (lr * (1 - mu) / (1 - product));
        float b = (float) (lr * next / (1 - product * next));
        Updates.nadam(len, params, off, grads, off, slots[0], off, slots[1], off, a, b,
                (float) (1 - Math.pow(beta2, step)), beta1, beta2, eps, weightDecay);
    }

    @Override
    protected double[] scalars() {
        return new double[] {product};
    }

    @Override
    protected void restoreScalars(double[] scalars) {
        product = scalars[0];
    }
}
