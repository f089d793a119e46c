package dev.simdnn.optim;

import java.util.List;

/**
 * A first-order optimizer over one contiguous parameter buffer and its gradient buffer (the layers keep every
 * parameter of a model in one array, so a step is one vectorised pass per range). Subclasses are one file per
 * rule, each with its update as pseudocode, its defaults as {@code DEFAULT_*} constants, and a constructor that
 * rejects bad values with a message naming them; the arithmetic is {@link dev.simdnn.core.Updates}'.
 *
 * <p>State (moments, buffers) lives in arrays as long as the parameter buffer, one per slot; {@link #saveState} and
 * {@link #restoreState} copy it with the step counter exactly, so a restored run continues bit for bit.
 */
public abstract class Optimizer {
    /** Everything a step depends on besides parameters and gradients. */
    public record State(long steps, float[][] slots, double[] scalars) {}

    protected final float[] params;
    protected final float[] grads;
    private final List<ParamGroup> groups;
    protected final float[][] slots;
    private long steps;

    protected Optimizer(float[] params, float[] grads, List<ParamGroup> groups, int stateSlots) {
        if (params == null || grads == null) {
            throw new IllegalArgumentException("params and grads must not be null");
        }
        if (params.length != grads.length) {
            throw new IllegalArgumentException("params has " + params.length + " values but grads has " + grads.length);
        }
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("at least one parameter group is needed");
        }
        for (ParamGroup g : groups) {
            g.checkWithin(params.length);
        }
        this.params = params;
        this.grads = grads;
        this.groups = List.copyOf(groups);
        this.slots = new float[stateSlots][params.length];
    }

    /** One step over every range of every group, with the gradients currently in the gradient buffer. */
    public final void step() {
        steps++;
        beforeStep(steps);
        for (ParamGroup g : groups) {
            for (int r = 0; r < g.ranges(); r++) {
                apply(g.offset(r), g.length(r), (float) g.lr(), (float) g.weightDecay(), steps);
            }
        }
    }

    /** Per-step bookkeeping shared by all ranges (e.g. NAdam's momentum product). */
    protected void beforeStep(long step) {}

    /** The update of one range at step {@code step} (≥ 1). */
    protected abstract void apply(int off, int len, float lr, float weightDecay, long step);

    /** Steps taken so far. */
    public final long steps() {
        return steps;
    }

    /** The parameter groups, whose learning rate and weight decay may be changed between steps. */
    public final List<ParamGroup> groups() {
        return groups;
    }

    /** A deep copy of the state. */
    public final State saveState() {
        float[][] copy = new float[slots.length][];
        for (int s = 0; s < slots.length; s++) {
            copy[s] = slots[s].clone();
        }
        return new State(steps, copy, scalars().clone());
    }

    /** Restores a state saved from an optimizer of the same kind and size. */
    public final void restoreState(State state) {
        if (state.slots().length != slots.length) {
            throw new IllegalArgumentException("state has " + state.slots().length + " slots, this optimizer "
                    + slots.length);
        }
        for (int s = 0; s < slots.length; s++) {
            if (state.slots()[s].length != params.length) {
                throw new IllegalArgumentException("state slot " + s + " has " + state.slots()[s].length
                        + " values, the parameter buffer " + params.length);
            }
            System.arraycopy(state.slots()[s], 0, slots[s], 0, params.length);
        }
        steps = state.steps();
        restoreScalars(state.scalars());
    }

    /** Scalar state besides the arrays (none by default). */
    protected double[] scalars() {
        return new double[0];
    }

    protected void restoreScalars(double[] scalars) {}

    /** Throws unless {@code value} is in [0, 1). */
    protected static float checkUnitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be in [0, 1))");
        }
        return (float) value;
    }

    /** Throws unless {@code value} is finite and > 0. */
    protected static float checkPositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be finite and > 0)");
        }
        return (float) value;
    }

    /** Throws unless {@code value} is finite and ≥ 0. */
    protected static float checkNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be finite and >= 0)");
        }
        return (float) value;
    }
}
