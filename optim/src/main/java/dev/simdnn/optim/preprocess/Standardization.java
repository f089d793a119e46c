package dev.simdnn.optim.preprocess;

import dev.simdnn.optim.data.Dataset;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Mean-centring (textbook F26) or standardisation (F28): x ← (x − μ)/σ per feature, with the training set's mean
 * and (biased) standard deviation. A constant column (σ = 0, e.g. MNIST's border pixels) is only centred, so it
 * becomes 0 instead of 0/0 (trap P21).
 */
public final class Standardization extends Preprocessor {
    private final boolean scale;
    private double[] mean;
    private double[] invStd;

    /** {@code scale}: divide by σ as well (standardise); false: centre only. */
    public Standardization(boolean scale) {
        this.scale = scale;
    }

    @Override
    public void fit(Dataset train) {
        int w = train.width(), n = train.rows();
        mean = new double[w];
        invStd = new double[w];
        float[] x = train.features();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < w; c++) {
                mean[c] += x[r * w + c];
            }
        }
        for (int c = 0; c < w; c++) {
            mean[c] /= n;
        }
        double[] var = new double[w];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < w; c++) {
                double d = x[r * w + c] - mean[c];
                var[c] += d * d;
            }
        }
        for (int c = 0; c < w; c++) {
            double sd = Math.sqrt(var[c] / n);
            invStd[c] = !scale || sd < 1e-12 ? 1 : 1 / sd;
        }
    }

    @Override
    public int inputWidth() {
        checkFitted(mean != null);
        return mean.length;
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
                y[r * w + c] = (float) ((x[r * w + c] - mean[c]) * invStd[c]);
            }
        }
        return y;
    }

    @Override
    public String describe() {
        return scale ? "standardize" : "center";
    }

    @Override
    protected void write(DataOutputStream out) throws IOException {
        out.writeBoolean(scale);
        writeArray(out, mean);
        writeArray(out, invStd);
    }

    static Standardization read(DataInputStream in) throws IOException {
        Standardization s = new Standardization(in.readBoolean());
        s.mean = readArray(in);
        s.invStd = readArray(in);
        return s;
    }
}
