package dev.simdnn.optim;

import java.util.Arrays;

/**
 * Ranges of the model's parameter buffer that share a learning rate and a weight decay (PyTorch's parameter
 * groups): e.g. the weights with decay, and the biases and batch-norm γ/β without. Both values can be changed
 * between steps (by a schedule, say); the ranges are fixed.
 */
public final class ParamGroup {
    private final int[] offsets;
    private final int[] lengths;
    private double lr;
    private double weightDecay;

    private ParamGroup(int[] offsets, int[] lengths, double lr, double weightDecay) {
        this.offsets = offsets;
        this.lengths = lengths;
        setLr(lr);
        setWeightDecay(weightDecay);
    }

    /**
     * A group of ranges given as {@code offset, length} pairs into the parameter (and gradient) buffer.
     *
     * @throws IllegalArgumentException for an odd number of values or a negative offset or length
     */
    public static ParamGroup of(double lr, double weightDecay, int... offsetLengthPairs) {
        if (offsetLengthPairs.length % 2 != 0) {
            throw new IllegalArgumentException("ranges are offset, length pairs; got " + offsetLengthPairs.length
                    + " values");
        }
        int ranges = offsetLengthPairs.length / 2;
        int[] offsets = new int[ranges], lengths = new int[ranges];
        for (int r = 0; r < ranges; r++) {
            offsets[r] = offsetLengthPairs[2 * r];
            lengths[r] = offsetLengthPairs[2 * r + 1];
            if (offsets[r] < 0 || lengths[r] < 0) {
                throw new IllegalArgumentException("range " + r + " has offset " + offsets[r] + " and length "
                        + lengths[r] + "; both must be >= 0");
            }
        }
        return new ParamGroup(offsets, lengths, lr, weightDecay);
    }

    public int ranges() {
        return offsets.length;
    }

    public int offset(int range) {
        return offsets[range];
    }

    public int length(int range) {
        return lengths[range];
    }

    public double lr() {
        return lr;
    }

    /** Changes the learning rate from the next step on. */
    public void setLr(double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr + " (must be finite and >= 0)");
        }
        this.lr = lr;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** Changes the weight decay from the next step on. */
    public void setWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("Invalid weight_decay: " + weightDecay + " (must be finite and >= 0)");
        }
        this.weightDecay = weightDecay;
    }

    /** Throws unless every range lies inside a buffer of {@code size}. */
    void checkWithin(int size) {
        for (int r = 0; r < offsets.length; r++) {
            if ((long) offsets[r] + lengths[r] > size) {
                throw new IllegalArgumentException("range " + r + " [" + offsets[r] + ", " + (offsets[r] + lengths[r])
                        + ") exceeds the parameter buffer of " + size);
            }
        }
    }

    @Override
    public String toString() {
        return "ParamGroup(lr=" + lr + ", weight_decay=" + weightDecay + ", offsets=" + Arrays.toString(offsets)
                + ", lengths=" + Arrays.toString(lengths) + ")";
    }
}
