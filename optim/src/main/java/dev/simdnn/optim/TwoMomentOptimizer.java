package dev.simdnn.optim;

import java.util.List;

/**
 * The optimizers built on decaying estimates of the gradient's first and second moments (Adam, AdamW, AdaMax,
 * NAdam): they share β₁, β₂ and ε, set at construction and changeable between steps.
 */
public abstract class TwoMomentOptimizer extends Optimizer {
    protected float beta1, beta2, eps;

    protected TwoMomentOptimizer(float[] params, float[] grads, List<ParamGroup> groups, int stateSlots,
                                 double beta1, double beta2, double eps) {
        super(params, grads, groups, stateSlots);
        setBetas(beta1, beta2, eps);
    }

    /** Changes β₁, β₂ and ε from the next step on (bias corrections use the new βs at the current step count). */
    public final void setBetas(double beta1, double beta2, double eps) {
        float b1 = checkUnitInterval("beta1", beta1), b2 = checkUnitInterval("beta2", beta2);
        this.eps = checkPositive("epsilon", eps);
        this.beta1 = b1;
        this.beta2 = b2;
    }
}
