package dev.simdnn.optim.avg;

import dev.simdnn.core.Checks;

/**
 * An average of the parameter vector over training steps (Polyak averaging, reference notes M43), for evaluation:
 * {@link #swapIn} puts the average into the parameter buffer (keeping the trained values), {@link #swapOut}
 * restores them. Subclasses define the average.
 */
public abstract class ParameterAverage {
    final float[] average;
    private final float[] backup;
    private long steps;
    private boolean swapped;

    ParameterAverage(int size) {
        Checks.nonNegative("size", size);
        this.average = new float[size];
        this.backup = new float[size];
    }

    /** Adds the current parameters {@code params[off .. off+size)} to the average. */
    public final void update(float[] params, int off) {
        Checks.range("params", Checks.notNull("params", params).length, off, average.length);
        if (swapped) {
            throw new IllegalStateException("update while the average is swapped in: call swapOut first");
        }
        steps++;
        accumulate(params, off, steps);
    }

    abstract void accumulate(float[] params, int off, long t);

    /** The value to evaluate with, written to {@code out[off ..]}. */
    public abstract void value(float[] out, int off);

    /** Number of updates so far. */
    public final long steps() {
        return steps;
    }

    /** Replaces the parameters with {@link #value} and keeps the trained ones for {@link #swapOut}. */
    public final void swapIn(float[] params, int off) {
        Checks.range("params", Checks.notNull("params", params).length, off, average.length);
        if (swapped) {
            throw new IllegalStateException("already swapped in");
        }
        System.arraycopy(params, off, backup, 0, average.length);
        value(params, off);
        swapped = true;
    }

    /** Restores the trained parameters saved by {@link #swapIn}. */
    public final void swapOut(float[] params, int off) {
        Checks.range("params", Checks.notNull("params", params).length, off, average.length);
        if (!swapped) {
            throw new IllegalStateException("not swapped in");
        }
        System.arraycopy(backup, 0, params, off, average.length);
        swapped = false;
    }
}
