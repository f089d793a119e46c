package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** max/argmax, dropout and maxout on both twins. */
class ReductionDropoutMaxoutTest {

    @Test
    void maxAndArgmaxFindTheFirstMaximumAndPropagateNan() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (KernelProvider p : TwinProviders.all()) {
            for (int n : TwinProviders.SIZES) {
                float[] x = new float[n + 3];
                for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble(-5, 5);
                float m = Float.NEGATIVE_INFINITY;
                int arg = -1;
                for (int i = 0; i < n; i++) {
                    if (x[2 + i] > m) {
                        m = x[2 + i];
                        arg = i;
                    }
                }
                assertEquals(m, p.blas1().max(n, x, 2), p.backend() + " n=" + n);
                assertEquals(arg, p.blas1().argmax(n, x, 2), p.backend() + " n=" + n);
                if (n > 3) {
                    x[2 + n - 1] = m;   // a tie later: the first one wins
                    assertEquals(arg, p.blas1().argmax(n, x, 2));
                    x[2 + n / 2] = Float.NaN;
                    x[2 + n - 2] = Float.NaN;
                    assertTrue(Float.isNaN(p.blas1().max(n, x, 2)), p.backend() + " NaN max");
                    assertEquals(n / 2, p.blas1().argmax(n, x, 2), p.backend() + " first NaN");
                }
            }
        }
    }

    @Test
    void dropoutMasksAreReproducibleSplittableAndIdenticalOnBothTwins() {
        int n = 1_000_003;
        float keep = 0.8f;
        float[] reference = new float[n];
        KernelProviders.scalar().dropout().mask(n, keep, 7L, 0L, reference, 0);
        int kept = 0;
        for (float v : reference) {
            assertTrue(v == 0f || v == 1f / keep, "mask value " + v);
            kept += v != 0f ? 1 : 0;
        }
        double sigma = Math.sqrt(n * keep * (1 - keep));
        assertTrue(Math.abs(kept - n * keep) < 5 * sigma, "kept " + kept + " of " + n + " for keep = " + keep);
        for (KernelProvider p : TwinProviders.all()) {
            float[] whole = new float[n], split = new float[n];
            p.dropout().mask(n, keep, 7L, 0L, whole, 0);
            assertArrayEquals(reference, whole, p.backend() + " same mask on both twins");
            p.dropout().mask(333, keep, 7L, 0L, split, 0);             // any split of the index range
            p.dropout().mask(n - 333, keep, 7L, 333L, split, 333);
            assertArrayEquals(reference, split, p.backend() + " split at 333");
            float[] other = new float[1000];
            p.dropout().mask(1000, keep, 8L, 0L, other, 0);
            assertNotEquals(Arrays.toString(Arrays.copyOf(reference, 1000)), Arrays.toString(other), "seed matters");
            // Counters across a 2^32 boundary: the vector lanes carry into the high word like the scalar code.
            float[] wrapVector = new float[100], wrapScalar = new float[100];
            long counter = (1L << 32) - 37;
            p.dropout().mask(100, 0.5f, 3L, counter, wrapVector, 0);
            KernelProviders.scalar().dropout().mask(100, 0.5f, 3L, counter, wrapScalar, 0);
            assertArrayEquals(wrapScalar, wrapVector, p.backend() + " across 2^32");
        }
    }

    @Test
    void dropoutForwardAndBackwardApplyTheMaskAndKeepNan() {
        for (KernelProvider p : TwinProviders.all()) {
            int n = 77;
            float[] x = new float[n], y = new float[n], m = new float[n], dx = new float[n];
            for (int i = 0; i < n; i++) x[i] = i - 30.5f;
            x[5] = Float.NaN;
            p.dropout().mask(n, 0.5f, 11L, 100L, m, 0);
            p.dropout().forward(n, 0.5f, 11L, 100L, x, 0, y, 0);
            p.dropout().backward(n, 0.5f, 11L, 100L, x, 0, dx, 0);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i] * m[i], y[i], p.backend() + " forward " + i);
                assertEquals(x[i] * m[i], dx[i], p.backend() + " backward " + i);
            }
            assertTrue(Float.isNaN(y[5]), "NaN stays NaN whether kept or dropped");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dropout.forward(1, 0f, 1L, 0L, new float[1], 0, new float[1], 0));
        assertEquals("keep probability must be in (0, 1], got 0.0", e.getMessage());
    }

    @Test
    void maxoutRoutesTheGradientToTheWinningPiece() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (KernelProvider p : TwinProviders.all()) {
            for (int units : new int[] {1, 7, 16, 17, 40}) {
                for (int k : new int[] {1, 2, 3, 5}) {
                    int rows = 3;
                    float[] x = new float[rows * k * units];
                    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble(-3, 3);
                    x[0] = 100f;                           // a tie for the maximum between pieces 0 and 1
                    if (k > 1) x[units] = 100f;
                    if (units > 2 && k > 2) x[2 * units + 2] = Float.NaN;
                    float[] y = new float[rows * units], dy = new float[rows * units], dx = new float[x.length];
                    int[] arg = new int[rows * units];
                    p.maxout().forward(rows, units, k, x, 0, y, 0, arg, 0);
                    for (int i = 0; i < dy.length; i++) dy[i] = i + 1;
                    Arrays.fill(dx, 99f);
                    p.maxout().backward(rows, units, k, dy, 0, arg, 0, dx, 0);
                    for (int r = 0; r < rows; r++) {
                        for (int u = 0; u < units; u++) {
                            float best = Float.NEGATIVE_INFINITY;
                            int bestP = -1;
                            for (int q = 0; q < k; q++) {
                                float v = x[r * k * units + q * units + u];
                                if (bestP < 0 || v > best || (Float.isNaN(v) && !Float.isNaN(best))) {
                                    best = v;
                                    bestP = q;
                                }
                            }
                            String at = p.backend() + " units=" + units + " k=" + k + " r=" + r + " u=" + u;
                            assertEquals(best, y[r * units + u], at);
                            assertEquals(bestP, arg[r * units + u], at);
                            for (int q = 0; q < k; q++) {
                                assertEquals(q == bestP ? dy[r * units + u] : 0f, dx[r * k * units + q * units + u], at);
                            }
                        }
                    }
                    if (units > 2 && k > 2) {
                        assertTrue(Float.isNaN(y[2]), "a NaN piece makes the unit NaN");
                    }
                    assertEquals(0, arg[0], "ties go to the first piece");
                }
            }
        }
    }
}
