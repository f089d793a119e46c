package dev.simdnn.optim.preprocess;

import dev.simdnn.optim.data.Dataset;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Min-max normalisation (textbook F29, 3.35): x ← (x − min)/(max − min) per feature, with the training set's
 * extremes, so training data lands in [0, 1] (test data may fall outside). A constant column maps to 0.
 */
public final class MinMaxScaling extends Preprocessor {
    private double[] min;
    private double[] invRange;

    @Override
    public void fit(Dataset train) {
        int w = train.width(), n = train.rows();
        min = new double[w];
        double[] max = new double[w];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float[] x = train.features();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < w; c++) {
                min[c] = Math.min(min[c], x[r * w + c]);
                max[c] = Math.max(max[c], x[r * w + c]);
            }
        }
        invRange = new double[w];
        for (int c = 0; c < w; c++) {
            double range = max[c] - min[c];
            invRange[c] = range > 0 ? 1 / range : 0;
        }
    }

    @Override
    public int inputWidth() {
        checkFitted(min != null);
        return min.length;
    }

    @Override
    public int outputWidth() {
        return inputWidth();
    }

    @Override
    public float[] apply(float[] x, int rows) {
        int w = inputWidth();
        float[] y = new float[rows * w];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < w; c++) {
                y[r * w + c] = (float) ((x[r * w + c] - min[c]) * invRange[c]);
            }
        }
        return y;
    }

    @Override
    public String describe() {
        return "minmax";
    }

    @Override
    protected void write(DataOutputStream out) throws IOException {
        writeArray(out, min);
        writeArray(out, invRange);
    }

    static MinMaxScaling read(DataInputStream in) throws IOException {
        MinMaxScaling s = new MinMaxScaling();
        s.min = readArray(in);
        s.invRange = readArray(in);
        return s;
    }
}
