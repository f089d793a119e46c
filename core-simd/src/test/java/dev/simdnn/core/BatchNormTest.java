package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Batch norm against a double reference. Forward: within 1e-5·(1 + |ref|). Backward: the gradient of the whole
 * batch loss L = Σ w ⊙ y (every sample couples through μ and σ²) against central differences of the double
 * forward, within 2e-4 of the size of the terms: for dγ, dβ the largest component; for dx, max(γ/σ)·max|dy|
 * (dx = (γ/mσ)(m·dy − Σdy − x̂·Σdy·x̂) cancels: with 2 rows it is ~0 while its terms are not). Twins are bitwise equal by construction and tested so.
 */
class BatchNormTest {
    private static final float EPS = 1e-5f;

    record Data(int rows, int cols, float[] x, float[] gamma, float[] beta) {}

    static Data data(SplittableRandom rnd, int rows, int cols) {
        float[] x = new float[rows * cols], gamma = new float[cols], beta = new float[cols];
        for (int c = 0; c < cols; c++) {
            gamma[c] = (float) rnd.nextDouble(0.5, 2);
            beta[c] = (float) rnd.nextDouble(-1, 1);
            double mu = rnd.nextDouble(-50, 50), sd = rnd.nextDouble(0.1, 5);
            for (int r = 0; r < rows; r++) x[r * cols + c] = (float) (mu + sd * rnd.nextGaussian());
        }
        return new Data(rows, cols, x, gamma, beta);
    }

    /** Double forward: y for given x, γ, β (all double). */
    static double[] forward(int rows, int cols, double[] x, double[] gamma, double[] beta) {
        double[] y = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            double mu = 0, var = 0;
            for (int r = 0; r < rows; r++) mu += x[r * cols + c];
            mu /= rows;
            for (int r = 0; r < rows; r++) var += (x[r * cols + c] - mu) * (x[r * cols + c] - mu);
            var /= rows;
            for (int r = 0; r < rows; r++) {
                y[r * cols + c] = gamma[c] * (x[r * cols + c] - mu) / Math.sqrt(var + EPS) + beta[c];
            }
        }
        return y;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    static float[][] run(KernelProvider p, Data d) {
        int n = d.rows * d.cols;
        float[] y = new float[n], xhat = new float[n], mean = new float[d.cols], var = new float[d.cols],
                inv = new float[d.cols];
        p.batchNorm().forwardTraining(d.rows, d.cols, d.x, 0, d.gamma, 0, d.beta, 0, EPS, y, 0, xhat, 0, mean, var, inv);
        return new float[][] {y, xhat, mean, var, inv};
    }

    @Test
    void forwardMatchesTheReferenceAndNormalisesEachFeature() {
        SplittableRandom rnd = new SplittableRandom(51);
        for (int[] s : new int[][] {{2, 1}, {3, 17}, {16, 33}, {128, 100}}) {
            Data d = data(rnd, s[0], s[1]);
            float[][] scalar = run(KernelProviders.scalar(), d);
            double[] ref = forward(d.rows, d.cols, toDouble(d.x), toDouble(d.gamma), toDouble(d.beta));
            for (KernelProvider p : TwinProviders.all()) {
                float[][] out = run(p, d);
                for (int i = 0; i < out.length; i++) {
                    assertArrayEquals(scalar[i], out[i], p.backend() + " output " + i + " bitwise equal to the twin");
                }
                for (int i = 0; i < ref.length; i++) {
                    if (!(Math.abs(out[0][i] - ref[i]) <= 1e-5 * (1 + Math.abs(ref[i])) * Math.max(1, d.rows / 16.0))) {
                        fail(p.backend() + " y[" + i + "] = " + out[0][i] + " vs " + ref[i]);
                    }
                }
                for (int c = 0; c < d.cols; c++) {    // per feature: mean β, std γ·√(var/(var+ε))
                    double m = 0, sq = 0;
                    for (int r = 0; r < d.rows; r++) m += out[0][r * d.cols + c];
                    m /= d.rows;
                    for (int r = 0; r < d.rows; r++) sq += Math.pow(out[0][r * d.cols + c] - m, 2);
                    double sd = Math.sqrt(sq / d.rows), v = out[3][c];
                    assertEquals(d.beta[c], m, 1e-4 * Math.max(1, d.gamma[c]), "feature mean = beta");
                    assertEquals(d.gamma[c] * Math.sqrt(v / (v + EPS)), sd, 1e-4, "feature std = gamma (up to eps)");
                }
            }
        }
    }

    @Test
    void backwardMatchesCentralDifferencesOfTheWholeBatchLoss() {
        SplittableRandom rnd = new SplittableRandom(52);
        for (int[] s : new int[][] {{2, 3}, {5, 17}, {16, 20}}) {
            Data d = data(rnd, s[0], s[1]);
            int n = d.rows * d.cols;
            double[] w = new double[n];
            float[] dy = new float[n];
            for (int i = 0; i < n; i++) dy[i] = (float) (w[i] = rnd.nextDouble(-1, 1));
            double[] x = toDouble(d.x), g = toDouble(d.gamma), b = toDouble(d.beta);
            java.util.function.Supplier<Double> loss = () -> {
                double[] y = forward(d.rows, d.cols, x, g, b);
                double l = 0;
                for (int i = 0; i < n; i++) l += w[i] * y[i];
                return l;
            };
            double[][] params = {x, g, b};
            double[][] numeric = new double[3][];
            for (int t = 0; t < 3; t++) {
                double[] a = params[t];
                numeric[t] = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    double h = 1e-6 * Math.max(1, Math.abs(a[i])), keep = a[i];
                    a[i] = keep + h;
                    double up = loss.get();
                    a[i] = keep - h;
                    double down = loss.get();
                    a[i] = keep;
                    numeric[t][i] = (up - down) / (2 * h);
                }
            }
            for (KernelProvider p : TwinProviders.all()) {
                float[][] f = run(p, d);
                float[] dx = new float[n], dg = new float[d.cols], db = new float[d.cols];
                p.batchNorm().backward(d.rows, d.cols, dy, 0, f[1], 0, d.gamma, 0, f[4], dx, 0, dg, 0, db, 0);
                float[][] got = {dx, dg, db};
                String[] names = {"dx", "dgamma", "dbeta"};
                for (int t = 0; t < 3; t++) {
                    double scale = 0;
                    for (double v : numeric[t]) scale = Math.max(scale, Math.abs(v));
                    if (t == 0) {
                        double maxDy = 0;
                        for (double v : w) maxDy = Math.max(maxDy, Math.abs(v));
                        for (int c = 0; c < d.cols; c++) scale = Math.max(scale, d.gamma[c] * f[4][c] * maxDy);
                    }
                    double worst = 0;
                    for (int i = 0; i < got[t].length; i++) {
                        worst = Math.max(worst, Math.abs(got[t][i] - numeric[t][i]) / Math.max(scale, 1e-12));
                    }
                    if (!(worst <= 2e-4)) {
                        fail(p.backend() + " " + names[t] + " relative error " + worst + " for " + d.rows + "x" + d.cols);
                    }
                }
            }
        }
    }

    @Test
    void runningStatisticsAndFoldedInferenceFollowPyTorch() {
        SplittableRandom rnd = new SplittableRandom(53);
        Data d = data(rnd, 8, 21);
        float[][] f = run(KernelProviders.scalar(), d);
        float[] rm = new float[d.cols], rv = new float[d.cols];
        java.util.Arrays.fill(rv, 1f);
        BatchNorm.updateRunningStatistics(d.cols, d.rows, f[2], f[3], 0.1f, true, rm, 0, rv, 0);
        for (int c = 0; c < d.cols; c++) {
            assertEquals(0.1f * f[2][c], rm[c], 1e-6f * Math.abs(f[2][c]) + 1e-7f);
            assertEquals(0.9f + 0.1f * f[3][c] * 8f / 7f, rv[c], 1e-5f * rv[c], "unbiased running variance");
        }
        float[] scale = new float[d.cols], shift = new float[d.cols];
        BatchNorm.fold(d.cols, d.gamma, 0, d.beta, 0, rm, 0, rv, 0, EPS, scale, 0, shift, 0);
        for (KernelProvider p : TwinProviders.all()) {
            float[] y = new float[d.x.length];
            p.batchNorm().inference(d.rows, d.cols, d.x, 0, scale, 0, shift, 0, y, 0);
            for (int r = 0; r < d.rows; r++) {
                for (int c = 0; c < d.cols; c++) {
                    double unfused = d.gamma[c] * (d.x[r * d.cols + c] - (double) rm[c]) / Math.sqrt(rv[c] + EPS) + d.beta[c];
                    assertEquals(unfused, y[r * d.cols + c], 1e-5 * (1 + Math.abs(unfused)) * 50, p.backend() + " folded");
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchNorm.forwardTraining(1, 2,
                new float[2], 0, new float[2], 0, new float[2], 0, EPS, new float[2], 0, new float[2], 0, new float[2],
                new float[2], new float[2]));
        assertEquals("batch norm in training needs at least 2 rows per batch, got 1", e.getMessage());
    }
}
