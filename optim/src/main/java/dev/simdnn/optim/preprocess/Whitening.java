package dev.simdnn.optim.preprocess;

import dev.simdnn.core.Gemm;
import dev.simdnn.core.Trans;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.linalg.SymmetricEigen;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * PCA and ZCA whitening (textbook F30, lectures M27). Fit: the training mean μ, the covariance C = DᵀD/n of the
 * centred data (3.36), its eigen-decomposition C = EΛEᵀ ({@link SymmetricEigen}, Jacobi in double). Apply:
 * <ul>
 *   <li>PCA: u = Λ_k^(−1/2)·E_kᵀ(x − μ), the top k components (all by default), each divided by √(λ + ε);</li>
 *   <li>ZCA: E·Λ^(−1/2)·Eᵀ(x − μ), whitened but rotated back to the input's axes (same width).</li>
 * </ul>
 * ε is added to every eigenvalue before the square root, the textbook's "add 10⁻⁵ to each eigenvalue for
 * regularization" (L508) and the lectures' ε regulariser (S19); default 1e-5 relative to the largest eigenvalue's
 * scale of 1 for standardised inputs (it is absolute: pass a larger ε for raw pixel values). The training data's
 * covariance after whitening is then ≈ I (exactly diag(λ/(λ + ε))).
 */
public final class Whitening extends Preprocessor {
    /** PCA (rotate to the eigenbasis, optionally truncate) or ZCA (rotate back). */
    public enum Kind { PCA, ZCA }

    /** The textbook's 10⁻⁵. */
    public static final double DEFAULT_EPS = 1e-5;

    private final Kind kind;
    private final double eps;
    private final int components;
    private double[] mean;
    private float[] transform;                 // inputWidth x outputWidth, row-major: y = (x − μ)·T
    private double[] eigenvalues;

    /**
     * @param kind       PCA or ZCA
     * @param eps        added to each eigenvalue (> 0)
     * @param components PCA: components kept (0: all); ignored by ZCA
     */
    public Whitening(Kind kind, double eps, int components) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("Invalid eps: " + eps + " (must be finite and > 0)");
        }
        if (components < 0) {
            throw new IllegalArgumentException("components must be >= 0, got " + components);
        }
        this.kind = kind;
        this.eps = eps;
        this.components = components;
    }

    @Override
    public void fit(Dataset train) {
        int d = train.width(), n = train.rows();
        if (components > d) {
            throw new IllegalArgumentException("PCA to " + components + " components of " + d + " features");
        }
        mean = new double[d];
        float[] x = train.features();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[r * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[] centred = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                centred[r * d + c] = x[r * d + c] - mean[c];
            }
        }
        double[] cov = new double[d * d];
        Gemm.dgemm(Trans.T, Trans.N, d, d, n, 1.0 / n, centred, 0, d, centred, 0, d, 0, cov, 0, d);
        for (int i = 0; i < d; i++) {                        // exact symmetry for the eigen-solver
            for (int j = i + 1; j < d; j++) {
                double s = 0.5 * (cov[i * d + j] + cov[j * d + i]);
                cov[i * d + j] = s;
                cov[j * d + i] = s;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(cov, d);
        eigenvalues = eig.values();
        int k = kind == Kind.ZCA || components == 0 ? d : components;
        double[] e = eig.vectors();
        transform = new float[d * (kind == Kind.ZCA ? d : k)];
        if (kind == Kind.PCA) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < k; j++) {
                    transform[i * k + j] = (float) (e[i * d + j] / Math.sqrt(Math.max(eigenvalues[j], 0) + eps));
                }
            }
        } else {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int l = 0; l < d; l++) {
                        s += e[i * d + l] * e[j * d + l] / Math.sqrt(Math.max(eigenvalues[l], 0) + eps);
                    }
                    transform[i * d + j] = (float) s;
                }
            }
        }
    }

    /** The training covariance's eigenvalues, largest first. */
    public double[] eigenvalues() {
        checkFitted(eigenvalues != null);
        return eigenvalues.clone();
    }

    @Override
    public int inputWidth() {
        checkFitted(mean != null);
        return mean.length;
    }

    @Override
    public int outputWidth() {
        return transform.length / inputWidth();
    }

    @Override
    public float[] apply(float[] x, int rows) {
        int d = inputWidth(), k = outputWidth();
        float[] centred = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < d; c++) {
                centred[r * d + c] = (float) (x[r * d + c] - mean[c]);
            }
        }
        float[] y = new float[rows * k];
        Gemm.sgemm(Trans.N, Trans.N, rows, k, d, 1f, centred, 0, d, transform, 0, k, 0f, y, 0, k);
        return y;
    }

    @Override
    public String describe() {
        return kind == Kind.ZCA ? "zca(eps=" + eps + ")" : "pca(k=" + outputWidth() + ", eps=" + eps + ")";
    }

    @Override
    protected void write(DataOutputStream out) throws IOException {
        out.writeUTF(kind.name());
        out.writeDouble(eps);
        out.writeInt(components);
        writeArray(out, mean);
        writeArray(out, eigenvalues);
        out.writeInt(transform.length);
        for (float t : transform) {
            out.writeFloat(t);
        }
    }

    static Whitening read(DataInputStream in) throws IOException {
        Whitening w = new Whitening(Kind.valueOf(in.readUTF()), in.readDouble(), in.readInt());
        w.mean = readArray(in);
        w.eigenvalues = readArray(in);
        int n = in.readInt();
        if (n < 0 || n % Math.max(1, w.mean.length) != 0) {
            throw new IOException("whitening transform of " + n + " values for " + w.mean.length + " features");
        }
        w.transform = new float[n];
        for (int i = 0; i < n; i++) {
            w.transform[i] = in.readFloat();
        }
        return w;
    }
}
