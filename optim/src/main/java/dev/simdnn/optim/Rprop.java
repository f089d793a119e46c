package dev.simdnn.optim;

import dev.simdnn.core.Updates;

import java.util.List;

/**
 * Rprop, sign-based and full-batch only (reference notes M39):
 * <pre>
 * s = g·g_prev;  step ← clamp(step·η₊ if s > 0, step·η₋ if s < 0, [min, max]);  where s < 0: g ← 0
 * θ ← θ − sign(g)·step            (PyTorch, iRprop−)
 * backtracking: where s < 0 undo the previous change, θ ← θ − Δ_prev; else Δ = −sign(g)·step, θ ← θ + Δ
 * </pre>
 * The group's learning rate is the initial step size. Weight decay is ignored (PyTorch's Rprop has none).
 * <table>
 *   <caption>Defaults (PyTorch's; the lectures' α = 1.2, β = 0.5 are the same etas)</caption>
 *   <tr><th>hyper-parameter</th><th>default</th></tr>
 *   <tr><td>initial step (lr)</td><td>{@value #DEFAULT_LR}</td></tr>
 *   <tr><td>η₋, η₊</td><td>{@value #DEFAULT_ETA_MINUS}, {@value #DEFAULT_ETA_PLUS}</td></tr>
 *   <tr><td>step bounds</td><td>{@value #DEFAULT_STEP_MIN}, {@value #DEFAULT_STEP_MAX}</td></tr>
 * </table>
 */
public final class Rprop extends Optimizer {
    public static final double DEFAULT_LR = 0.01;
    public static final double DEFAULT_ETA_MINUS = 0.5;
    public static final double DEFAULT_ETA_PLUS = 1.2;
    public static final double DEFAULT_STEP_MIN = 1e-6;
    public static final double DEFAULT_STEP_MAX = 50;

    private float etaMinus, etaPlus, stepMin, stepMax;
    private final boolean backtracking;

    public Rprop(float[] params, float[] grads, List<ParamGroup> groups, double etaMinus, double etaPlus,
                 double stepMin, double stepMax, boolean backtracking) {
        super(params, grads, groups, 3);
        setHyperParameters(etaMinus, etaPlus, stepMin, stepMax);
        this.backtracking = backtracking;
    }

    /** Changes the etas and step bounds from the next step on. */
    public void setHyperParameters(double etaMinus, double etaPlus, double stepMin, double stepMax) {
        Updates.checkRprop(etaMinus, etaPlus, stepMin, stepMax);
        this.etaMinus = (float) etaMinus;
        this.etaPlus = (float) etaPlus;
        this.stepMin = (float) stepMin;
        this.stepMax = (float) stepMax;
    }

    @Override
    protected void apply(int off, int len, float lr, float weightDecay, long step) {
        if (step == 1) {
            java.util.Arrays.fill(slots[1], off, off + len, lr);
        }
        Updates.rprop(len, params, off, grads, off, slots[0], off, slots[1], off, backtracking ? slots[2] : null, off,
                etaMinus, etaPlus, stepMin, stepMax);
    }
}
