package dev.simdnn.optim.train;

import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.loss.Targets;
import dev.simdnn.optim.data.Dataset;

import java.util.Locale;

/**
 * A model's figures on a labelled data set in evaluation mode: the loss, the accuracy and the confusion matrix
 * ({@code confusion[actual][predicted]} counts), with per-class recall and precision.
 *
 * @param loss      the model's loss head on the whole set
 * @param accuracy  fraction classified right
 * @param confusion counts, {@code classes x classes}, rows the true class
 */
public record Evaluation(double loss, double accuracy, int[][] confusion) {
    /** Evaluates {@code model} on {@code data} (thread-safe with respect to other inference calls). */
    public static Evaluation of(Sequential model, Dataset data) {
        int n = data.rows(), classes = model.outputWidth();
        if (data.width() != model.inputWidth()) {
            throw new IllegalArgumentException(data.name() + " has " + data.width() + " features, the model expects "
                    + model.inputWidth());
        }
        double loss = model.evaluateLoss(n, data.features(), 0, Targets.labels(data.labels()));
        int[][] confusion = new int[data.classes()][classes];
        int chunk = 512, right = 0;
        float[] out = new float[chunk * classes];
        for (int r0 = 0; r0 < n; r0 += chunk) {
            int rows = Math.min(chunk, n - r0);
            model.predict(rows, data.features(), r0 * data.width(), out, 0);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                for (int j = 1; j < classes; j++) {
                    if (out[r * classes + j] > out[r * classes + best]) {
                        best = j;
                    }
                }
                int actual = data.labels()[r0 + r];
                confusion[actual][best]++;
                right += best == actual ? 1 : 0;
            }
        }
        return new Evaluation(loss, n == 0 ? Double.NaN : (double) right / n, confusion);
    }

    /** Fraction of class c's rows predicted as c. */
    public double recall(int c) {
        int total = java.util.Arrays.stream(confusion[c]).sum();
        return total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }

    /** Fraction of rows predicted as c that are c. */
    public double precision(int c) {
        int total = 0;
        for (int[] row : confusion) {
            total += row[c];
        }
        return total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }

    /** The confusion matrix as text, with recall per row. */
    public String confusionTable() {
        StringBuilder sb = new StringBuilder("actual\\predicted");
        int classes = confusion[0].length;
        for (int j = 0; j < classes; j++) {
            sb.append(String.format(Locale.ROOT, "%6d", j));
        }
        sb.append("   recall\n");
        for (int i = 0; i < confusion.length; i++) {
            sb.append(String.format(Locale.ROOT, "%16d", i));
            for (int j = 0; j < classes; j++) {
                sb.append(String.format(Locale.ROOT, "%6d", confusion[i][j]));
            }
            sb.append(String.format(Locale.ROOT, "   %.3f%n", recall(i)));
        }
        return sb.toString();
    }
}
