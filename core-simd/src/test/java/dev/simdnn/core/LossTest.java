package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.loss.LossKernels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Softmax and losses on both twins against double references. Bounds: softmax elements within
 * {@code 8·cols·2^-24} of the exact value (relative to 1: the row sum carries cols roundings); losses within
 * {@code 1e-5·(1 + |L|)}; gradients within {@code 1e-5·(1 + |g|)} of the analytic double gradient, and the
 * analytic gradient within 1e-6 of central differences of the double loss.
 */
class LossTest {
    private static final int[] COLS = {1, 2, 3, 10, 16, 17, 33, 100, 257};

    private static float[] logits(SplittableRandom rnd, int n, double spread) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextDouble(-1, 1) * spread);
        }
        return x;
    }

    private static double[] softmaxRef(float[] x, int off, int cols) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int j = 0; j < cols; j++) max = Math.max(max, x[off + j]);
        double[] p = new double[cols];
        for (int j = 0; j < cols; j++) sum += p[j] = Math.exp(x[off + j] - max);
        for (int j = 0; j < cols; j++) p[j] /= sum;
        return p;
    }

    private static double lse(double[] x) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : x) max = Math.max(max, v);
        for (double v : x) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    private static void close(double expected, double actual, double tol, String what) {
        if (!(Math.abs(expected - actual) <= tol * (1 + Math.abs(expected)))) {
            fail(what + ": " + actual + " vs reference " + expected);
        }
    }

    /** Central differences of a double loss of x, against an analytic gradient. */
    private static void gradientCheck(double[] x, double[] analytic, ToDoubleFunction<double[]> loss, String what) {
        for (int i = 0; i < x.length; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[i])), keep = x[i];
            x[i] = keep + h;
            double up = loss.applyAsDouble(x);
            x[i] = keep - h;
            double down = loss.applyAsDouble(x);
            x[i] = keep;
            close((up - down) / (2 * h), analytic[i], 1e-6, what + " d/dx[" + i + "]");
        }
    }

    @Test
    void softmaxAndLogSoftmaxMatchTheReferenceEvenForHugeLogits() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (KernelProvider p : TwinProviders.all()) {
            for (int cols : COLS) {
                for (double spread : new double[] {1, 100, 1e4}) {
                    int rows = 3;
                    float[] x = logits(rnd, rows * cols, spread), y = new float[rows * cols], ly = new float[rows * cols];
                    p.losses().softmax(rows, cols, x, 0, y, 0);
                    p.losses().logSoftmax(rows, cols, x, 0, ly, 0);
                    for (int r = 0; r < rows; r++) {
                        double[] ref = softmaxRef(x, r * cols, cols);
                        double sum = 0;
                        for (int j = 0; j < cols; j++) {
                            float v = y[r * cols + j];
                            sum += v;
                            assertTrue(Math.abs(v - ref[j]) <= 8 * cols * 0x1p-24, p.backend() + " softmax " + v + " vs " + ref[j]);
                            double logRef = Math.log(ref[j]);
                            if (logRef > -80) {
                                close(logRef, ly[r * cols + j], 1e-5 * Math.max(1, spread / 100), p.backend() + " logSoftmax");
                            }
                        }
                        assertEquals(1.0, sum, 8 * cols * 0x1p-24, p.backend() + " row sums to 1, cols=" + cols);
                    }
                }
            }
        }
    }

    @Test
    void crossEntropyWithLabelsAndSoftTargets() {
        SplittableRandom rnd = new SplittableRandom(32);
        for (KernelProvider p : TwinProviders.all()) {
            LossKernels k = p.losses();
            for (int cols : COLS) {
                int rows = 5;
                float[] x = logits(rnd, rows * cols, 5);
                int[] labels = new int[rows];
                float[] soft = new float[rows * cols], oneHot = new float[rows * cols];
                for (int r = 0; r < rows; r++) {
                    labels[r] = rnd.nextInt(cols);
                    oneHot[r * cols + labels[r]] = 1f;
                    double[] t = softmaxRef(logits(rnd, cols, 2), 0, cols);
                    for (int j = 0; j < cols; j++) soft[r * cols + j] = (float) t[j];
                }
                float[] g = new float[rows * cols], gSoft = new float[rows * cols], gHot = new float[rows * cols];
                double loss = k.softmaxCrossEntropy(rows, cols, x, 0, labels, 0, g, 0, 0.5f);
                double lossSoft = k.softmaxCrossEntropySoft(rows, cols, x, 0, soft, 0, gSoft, 0, 0.5f);
                double lossHot = k.softmaxCrossEntropySoft(rows, cols, x, 0, oneHot, 0, gHot, 0, 0.5f);
                for (int r = 0; r < rows; r++) {
                    double[] row = new double[cols], t = new double[cols];
                    for (int j = 0; j < cols; j++) {
                        row[j] = x[r * cols + j];
                        t[j] = soft[r * cols + j];
                    }
                    int label = labels[r];
                    double[] prob = softmaxRef(x, r * cols, cols), analytic = new double[cols], analyticSoft = new double[cols];
                    for (int j = 0; j < cols; j++) {
                        analytic[j] = prob[j] - (j == label ? 1 : 0);
                        analyticSoft[j] = prob[j] - t[j];
                        close(0.5 * analytic[j], g[r * cols + j], 1e-5, p.backend() + " CE grad");
                        close(0.5 * analyticSoft[j], gSoft[r * cols + j], 1e-5, p.backend() + " soft CE grad");
                        close(g[r * cols + j], gHot[r * cols + j], 1e-6, p.backend() + " one-hot soft = labels");
                    }
                    gradientCheck(row, analytic, v -> lse(v) - v[label], "CE");
                    gradientCheck(row, analyticSoft, v -> {
                        double l = lse(v), s = 0;
                        for (int j = 0; j < cols; j++) s += t[j] * (l - v[j]);
                        return s;
                    }, "soft CE");
                }
                double ref = 0, refSoft = 0;
                for (int r = 0; r < rows; r++) {
                    double[] row = new double[cols];
                    for (int j = 0; j < cols; j++) row[j] = x[r * cols + j];
                    ref += lse(row) - row[labels[r]];
                    for (int j = 0; j < cols; j++) refSoft += soft[r * cols + j] * (lse(row) - row[j]);
                }
                close(ref, loss, 1e-5, p.backend() + " CE loss cols=" + cols);
                close(refSoft, lossSoft, 1e-5, p.backend() + " soft CE loss");
                close(ref, lossHot, 1e-5, p.backend() + " one-hot soft CE loss");
            }
        }
    }

    @Test
    void crossEntropyNeverTakesLogOfZeroAndNanStaysInItsRow() {
        for (KernelProvider p : TwinProviders.all()) {
            float[] x = {1000f, -1000f, 0f, 1f, 2f, Float.NaN};
            float[] g = new float[6];
            double loss = p.losses().softmaxCrossEntropy(1, 3, x, 0, new int[] {1}, 0, g, 0, 1f);
            assertEquals(2000.0, loss, 1e-3, p.backend() + " finite loss for a confidently wrong prediction");
            assertEquals(1f, g[0], 1e-6f);
            assertEquals(-1f, g[1], 1e-6f);
            double both = p.losses().softmaxCrossEntropy(2, 3, x, 0, new int[] {1, 0}, 0, g, 0, 1f);
            assertTrue(Double.isNaN(both), p.backend() + " a NaN logit makes the loss NaN");
            assertTrue(Float.isNaN(g[3]) && Float.isNaN(g[5]), p.backend() + " and its row's gradient");
            assertEquals(1f, g[0], 1e-6f, p.backend() + " other rows keep their gradient");
        }
    }

    @Test
    void squaredErrorBinaryCrossEntropyAndHinge() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (KernelProvider p : TwinProviders.all()) {
            LossKernels k = p.losses();
            for (int n : TwinProviders.SIZES) {
                float[] pr = logits(rnd, n, 3), t = logits(rnd, n, 3), g = new float[n];
                double se = k.squaredError(n, pr, 0, t, 0, g, 0, 2f), ref = 0;
                for (int i = 0; i < n; i++) {
                    double d = (double) pr[i] - t[i];
                    ref += d * d;
                    close(2 * d, g[i], 1e-6, p.backend() + " squared error grad");
                }
                close(ref, se, 1e-5, p.backend() + " squared error n=" + n);
                float[] x = logits(rnd, n, 30), y = new float[n];
                for (int i = 0; i < n; i++) {
                    y[i] = (float) rnd.nextDouble();
                    if (i % 7 == 0) x[i] = i % 2 == 0 ? 100f : -100f;
                }
                double bce = k.binaryCrossEntropyWithLogits(n, x, 0, y, 0, g, 0, 1f), bref = 0;
                for (int i = 0; i < n; i++) {
                    double v = x[i];
                    bref += Math.max(v, 0) - v * y[i] + Math.log1p(Math.exp(-Math.abs(v)));
                    close(1 / (1 + Math.exp(-v)) - y[i], g[i], 1e-6, p.backend() + " BCE grad at " + v);
                }
                close(bref, bce, 1e-5, p.backend() + " BCE n=" + n);
            }
            for (int cols : COLS) {
                int rows = 4;
                float[] s = logits(rnd, rows * cols, 2), g = new float[rows * cols];
                int[] labels = new int[rows];
                for (int r = 0; r < rows; r++) labels[r] = rnd.nextInt(cols);
                double hinge = k.multiclassHinge(rows, cols, s, 0, labels, 0, 1f, g, 0, 1f);
                double ref = 0;
                for (int r = 0; r < rows; r++) {
                    double gy = 0;
                    for (int j = 0; j < cols; j++) {
                        if (j == labels[r]) continue;
                        double m = 1 - s[r * cols + labels[r]] + s[r * cols + j];
                        ref += Math.max(0, m) / cols;
                        close(m > 0 ? 1.0 / cols : 0, g[r * cols + j], 1e-6, p.backend() + " hinge grad");
                        gy -= m > 0 ? 1.0 / cols : 0;
                    }
                    close(gy, g[r * cols + labels[r]], 1e-6, p.backend() + " hinge grad at the label");
                }
                close(ref, hinge, 1e-5, p.backend() + " hinge cols=" + cols);
            }
        }
    }

    @Test
    void facadeAppliesTheReductionAndNamesBadLabels() {
        float[] x = {1f, 2f, 3f, 4f, 5f, 6f};
        float[] gSum = new float[6], gMean = new float[6];
        double sum = Losses.softmaxCrossEntropy(2, 3, x, 0, new int[] {0, 2}, 0, gSum, 0, Reduction.SUM);
        double mean = Losses.softmaxCrossEntropy(2, 3, x, 0, new int[] {0, 2}, 0, gMean, 0, Reduction.MEAN);
        assertEquals(sum / 2, mean, 1e-6);
        assertEquals(gSum[4] / 2, gMean[4], 1e-7f);
        double half = Losses.squaredError(2, new float[] {1f, 3f}, 0, new float[] {0f, 0f}, 0, gSum, 0, Reduction.MEAN, true);
        assertEquals(0.5 * (1 + 9) / 2, half, 1e-6);
        assertEquals(0.5f, gSum[0], 1e-7f, "d/dp of ½·mean(p−t)² is (p−t)/n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(2, 3, x, 0, new int[] {0, 3}, 0, null, 0, Reduction.MEAN));
        assertEquals("labels[1] = 3 (row 1) is outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.softmax(2, 0, x, 0, x, 0));
        assertEquals("cols must be >= 1, got 0", e.getMessage());
    }
}
