package dev.simdnn.layers;

/**
 * What a forward pass is for: training (batch statistics, dropout on) or evaluation, and, for training, where its
 * rows sit in the stream of random numbers: {@code step} (the optimizer step) and {@code firstRow} (the index of
 * the batch's first row within the step's whole batch). Dropout derives its mask from these, so a batch split
 * across threads draws the same mask as the whole batch on one thread. Mutable and reused: no allocation per step.
 */
public final class Pass {
    boolean training;
    long step;
    int firstRow;

    /** An evaluation pass. */
    public static Pass evaluation() {
        return new Pass();
    }

    /** A training pass at {@code step}, for rows starting at {@code firstRow}. */
    public static Pass training(long step, int firstRow) {
        return new Pass().set(true, step, firstRow);
    }

    /** Reconfigures this pass. */
    public Pass set(boolean training, long step, int firstRow) {
        if (step < 0 || step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("step must be in [0, " + Integer.MAX_VALUE + "], got " + step);
        }
        if (firstRow < 0) {
            throw new IllegalArgumentException("firstRow must be >= 0, got " + firstRow);
        }
        this.training = training;
        this.step = step;
        this.firstRow = firstRow;
        return this;
    }

    /** True in training mode. */
    public boolean training() {
        return training;
    }

    /** The optimizer step this pass belongs to. */
    public long step() {
        return step;
    }

    /** Index of this batch's first row within the step's batch. */
    public int firstRow() {
        return firstRow;
    }

    /**
     * The counter of the random stream for element {@code (0, 0)} of this pass's rows in a layer of
     * {@code width} values per row: 2³²·step + firstRow·width. Row r, column c uses counter + r·width + c.
     */
    public long noiseCounter(int width) {
        return (step << 32) + (long) firstRow * width;
    }
}
