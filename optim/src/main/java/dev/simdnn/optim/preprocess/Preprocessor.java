package dev.simdnn.optim.preprocess;

import dev.simdnn.optim.data.Dataset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Input preprocessing fitted on training data and re-applied unchanged to any other data (textbook F26–F30,
 * lectures M26–M27: "the same mean, P and eigenvalues must be applied to test data", trap P21). Fit once with
 * {@link #fit}; then {@link #apply} maps rows of {@link #inputWidth()} features to rows of {@link #outputWidth()}.
 * Saved with the model as bytes ({@link #toBytes()}, {@link #fromBytes}).
 */
public abstract class Preprocessor {
    /** Learns the statistics from the training data. */
    public abstract void fit(Dataset train);

    /** Features per row in. */
    public abstract int inputWidth();

    /** Features per row out. */
    public abstract int outputWidth();

    /** Maps {@code rows} rows of {@code x} (from 0) to a new array of {@code rows x outputWidth}. */
    public abstract float[] apply(float[] x, int rows);

    /** The fitted preprocessor's name and parameters, e.g. {@code standardize}. */
    public abstract String describe();

    /** A copy of {@code d} with its features mapped. */
    public final Dataset apply(Dataset d) {
        if (d.width() != inputWidth()) {
            throw new IllegalArgumentException(describe() + " was fitted on " + inputWidth() + " features, "
                    + d.name() + " has " + d.width());
        }
        return new Dataset(d.name(), apply(d.features(), d.rows()), d.labels(), outputWidth(), d.classes());
    }

    protected abstract void write(DataOutputStream out) throws IOException;

    /** The fitted state as bytes (for the model file's extras). */
    public final byte[] toBytes() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(b);
            out.writeUTF(getClass().getSimpleName());
            write(out);
            out.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@link #toBytes()}. */
    public static Preprocessor fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String kind = in.readUTF();
        return switch (kind) {
            case "Standardization" -> Standardization.read(in);
            case "MinMaxScaling" -> MinMaxScaling.read(in);
            case "Whitening" -> Whitening.read(in);
            default -> throw new IOException("unknown preprocessor '" + kind + "'");
        };
    }

    /**
     * By name, unfitted: {@code standardize}, {@code center}, {@code minmax}, {@code pca[:k]}, {@code zca}, or
     * {@code none} (null).
     */
    public static Preprocessor parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("none")) {
            return null;
        }
        if (s.equals("standardize")) {
            return new Standardization(true);
        }
        if (s.equals("center")) {
            return new Standardization(false);
        }
        if (s.equals("minmax")) {
            return new MinMaxScaling();
        }
        if (s.equals("zca")) {
            return new Whitening(Whitening.Kind.ZCA, Whitening.DEFAULT_EPS, 0);
        }
        if (s.equals("pca") || s.startsWith("pca:")) {
            int k = s.equals("pca") ? 0 : Integer.parseInt(s.substring(4));
            return new Whitening(Whitening.Kind.PCA, Whitening.DEFAULT_EPS, k);
        }
        throw new IllegalArgumentException("unknown preprocessing '" + spec + "'; known: none, center, standardize, "
                + "minmax, pca[:k], zca");
    }

    static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) {
            throw new IOException("array length " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    void checkFitted(boolean fitted) {
        if (!fitted) {
            throw new IllegalStateException(getClass().getSimpleName() + " must be fitted on training data first");
        }
    }
}
