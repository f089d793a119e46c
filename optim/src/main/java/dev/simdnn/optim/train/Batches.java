package dev.simdnn.optim.train;

import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.optim.data.Dataset;

/**
 * The order in which an epoch visits the training rows: a fresh seeded shuffle per epoch ("shuffle the data
 * between epochs", lectures M2), optionally class-stratified (M3: "mini-batches need to be balanced for
 * classes"): then every batch holds each class in about its share of the data set, by dealing the shuffled rows
 * of each class out at its rate (largest remaining deficit first).
 */
public final class Batches {
    /** What happens to a last batch smaller than the batch size. */
    public enum LastBatch {
        /** Train on it (PyTorch's {@code drop_last=False}). */
        KEEP,
        /** Skip it (its rows take part in other epochs, since each epoch reshuffles). */
        DROP
    }

    private Batches() {}

    /** The row order of {@code epoch} (0-based) into {@code order} (length = rows). */
    public static void order(Dataset data, long seed, int epoch, boolean stratified, int[] order) {
        SeededRandom random = SeededRandom.forStream(seed, epoch);
        int n = data.rows();
        if (!stratified) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Dataset.shuffle(order, random);
            return;
        }
        var byClass = data.byClass();
        int classes = byClass.size();
        int[][] rows = new int[classes][];
        for (int c = 0; c < classes; c++) {
            rows[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            Dataset.shuffle(rows[c], random);
        }
        int[] taken = new int[classes];
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (taken[c] == rows[c].length) {
                    continue;
                }
                double deficit = (double) (i + 1) * rows[c].length / n - taken[c];
                if (deficit > bestDeficit) {
                    bestDeficit = deficit;
                    best = c;
                }
            }
            order[i] = rows[best][taken[best]++];
        }
    }
}
