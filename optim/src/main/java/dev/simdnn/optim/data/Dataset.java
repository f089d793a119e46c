package dev.simdnn.optim.data;

import dev.simdnn.layers.init.SeededRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled data set in memory: {@code rows x width} features, row-major {@code float[]}, and one class label per
 * row in [0, classes). Immutable by convention (the arrays are shared with subsets' copies only when documented).
 *
 * @param name     where it came from (for messages)
 * @param features {@code rows x width} values
 * @param labels   {@code rows} labels in [0, classes)
 * @param width    features per row
 * @param classes  number of classes
 */
public record Dataset(String name, float[] features, int[] labels, int width, int classes) {
    public Dataset {
        if (width < 1 || classes < 1) {
            throw new IllegalArgumentException(name + ": width and classes must be >= 1, got " + width + ", " + classes);
        }
        if (features.length != labels.length * width) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values for " + labels.length
                    + " rows of " + width);
        }
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[r] + " of row " + r + " is outside [0, "
                        + classes + ")");
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return labels.length;
    }

    /** The rows at {@code indices}, copied, in that order. */
    public Dataset subset(int[] indices, String subsetName) {
        float[] f = new float[indices.length * width];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * width, f, i * width, width);
            l[i] = labels[indices[i]];
        }
        return new Dataset(subsetName, f, l, width, classes);
    }

    /** Two parts of a data set. */
    public record Split(Dataset first, Dataset second) {}

    /**
     * A seeded, stratified split: each class contributes ⌊fraction·n_c⌉ of its rows (shuffled) to the second part,
     * the rest to the first; both parts keep the data set's row order within a class order.
     */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
        }
        List<List<Integer>> byClass = byClass();
        SeededRandom random = new SeededRandom(seed);
        List<Integer> first = new ArrayList<>(), second = new ArrayList<>();
        for (List<Integer> rowsOfClass : byClass) {
            int[] shuffled = rowsOfClass.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, random);
            int take = (int) Math.round(fraction * shuffled.length);
            for (int i = 0; i < shuffled.length; i++) {
                (i < take ? second : first).add(shuffled[i]);
            }
        }
        first.sort(null);
        second.sort(null);
        return new Split(subset(first.stream().mapToInt(Integer::intValue).toArray(), name + " (train part)"),
                subset(second.stream().mapToInt(Integer::intValue).toArray(), name + " (held-out part)"));
    }

    /** Row indices of each class, in row order. */
    public List<List<Integer>> byClass() {
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            lists.add(new ArrayList<>());
        }
        for (int r = 0; r < labels.length; r++) {
            lists.get(labels[r]).add(r);
        }
        return lists;
    }

    /** Rows per class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** Fisher–Yates with the given generator. */
    public static void shuffle(int[] a, SeededRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return name + " (" + rows() + " rows x " + width + " features, " + classes + " classes)";
    }
}
