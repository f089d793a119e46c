package dev.simdnn.optim.preprocess;

import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.optim.data.DataSets;
import dev.simdnn.optim.data.Dataset;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {
    /** 2,000 rows of 6 correlated Gaussian features (x = z·M, M random) and one constant column. */
    static Dataset correlated() {
        SeededRandom r = new SeededRandom(9);
        int n = 2000, d = 7;
        double[] m = new double[36];
        for (int i = 0; i < 36; i++) {
            m[i] = r.nextGaussian();
        }
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int row = 0; row < n; row++) {
            double[] z = new double[6];
            for (int k = 0; k < 6; k++) {
                z[k] = r.nextGaussian();
            }
            for (int c = 0; c < 6; c++) {
                double s = 3;
                for (int k = 0; k < 6; k++) {
                    s += z[k] * m[k * 6 + c];
                }
                x[row * d + c] = (float) s;
            }
            x[row * d + 6] = 5f;
        }
        return new Dataset("correlated", x, y, d, 1);
    }

    static double[] covariance(float[] x, int n, int d) {
        double[] mean = new double[d], cov = new double[d * d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[r * d + c] / (double) n;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i * d + j] += (x[r * d + i] - mean[i]) * (x[r * d + j] - mean[j]) / n;
                }
            }
        }
        return cov;
    }

    @Test
    void standardisationGivesZeroMeanUnitVarianceAndKeepsConstantColumnsFinite() {
        Dataset data = correlated();
        Standardization s = new Standardization(true);
        s.fit(data);
        Dataset t = s.apply(data);
        double[] cov = covariance(t.features(), t.rows(), 7);
        for (int c = 0; c < 6; c++) {
            assertEquals(1, cov[c * 7 + c], 1e-4, "variance of column " + c);
        }
        for (int r = 0; r < t.rows(); r++) {
            assertEquals(0f, t.features()[r * 7 + 6], "the constant column is centred, not divided by 0");
        }
    }

    @Test
    void minMaxMapsTrainingDataToTheUnitInterval() {
        Dataset data = DataSets.digits();
        MinMaxScaling m = new MinMaxScaling();
        m.fit(data);
        Dataset t = m.apply(data);
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float v : t.features()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            assertTrue(Float.isFinite(v));
        }
        assertEquals(0f, lo);
        assertEquals(1f, hi);
    }

    /** Whitened training covariance ≈ I: diag(λ/(λ+ε)) exactly, here within 1e-3 (float arithmetic). */
    @Test
    void pcaAndZcaWhiteningGiveIdentityCovarianceOnTrainingData() {
        Dataset data = correlated();
        Dataset six = new Dataset("six", stripLast(data), data.labels(), 6, 1);
        for (Whitening.Kind kind : Whitening.Kind.values()) {
            Whitening w = new Whitening(kind, 1e-6, 0);
            w.fit(six);
            Dataset t = w.apply(six);
            double[] cov = covariance(t.features(), t.rows(), 6);
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(i == j ? 1 : 0, cov[i * 6 + j], 1e-3, kind + " covariance (" + i + "," + j + ")");
                }
            }
        }
        Whitening pca = new Whitening(Whitening.Kind.PCA, 1e-5, 3);
        pca.fit(six);
        assertEquals(3, pca.outputWidth());
    }

    private static float[] stripLast(Dataset d) {
        float[] x = new float[d.rows() * 6];
        for (int r = 0; r < d.rows(); r++) {
            System.arraycopy(d.features(), r * 7, x, r * 6, 6);
        }
        return x;
    }

    @Test
    void savedPreprocessorsReapplyIdentically() throws IOException {
        Dataset.Split split = DataSets.digits().split(0.2, 1);
        for (String spec : new String[] {"center", "standardize", "minmax", "pca:20", "zca"}) {
            Preprocessor p = Preprocessor.parse(spec);
            p.fit(split.first());
            Preprocessor back = Preprocessor.fromBytes(p.toBytes());
            assertArrayEquals(p.apply(split.second()).features(), back.apply(split.second()).features(), spec);
            assertEquals(p.describe(), back.describe());
        }
        assertEquals("unknown preprocessing 'whiten'; known: none, center, standardize, minmax, pca[:k], zca",
                assertThrows(IllegalArgumentException.class, () -> Preprocessor.parse("whiten")).getMessage());
        Preprocessor p = Preprocessor.parse("standardize");
        assertEquals("Standardization must be fitted on training data first",
                assertThrows(IllegalStateException.class, () -> p.apply(split.second())).getMessage());
    }
}
