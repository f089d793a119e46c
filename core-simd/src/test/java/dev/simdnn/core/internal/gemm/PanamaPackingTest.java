package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Vector API packers of {@link TransposePackingPanama} and {@link PackingPanama} write exactly what the scalar
 * {@link Packing} writes, every slot of the packed buffer (padding and what lies past the panels included), for
 * depths around multiples of 16, partial panels, offsets and leading dimensions wider than the rows.
 */
class PanamaPackingTest {
    private static final int[] DEPTHS = {1, 7, 15, 16, 17, 31, 32, 33, 48, 100, 257};

    @BeforeEach
    void onTheVectorApi() {
        assumeTrue(KernelProviders.panamaAvailable(), "the Vector API run covers it");
    }

    @Test
    void theInterleavesTakeBlocksOfBothVectorsInTurn() {
        assertArrayEquals(new float[] {0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23},
                TransposePackingPanama.interleave(1, false));
        assertArrayEquals(new float[] {8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31},
                TransposePackingPanama.interleave(2, true));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23},
                TransposePackingPanama.interleave(8, false));
    }

    @Test
    void packingANotTransposedMatchesTheScalarPacker() {
        assumeTrue(TransposePackingPanama.AVAILABLE, "the transposes are written for 16 float lanes (AVX-512)");
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int kc : DEPTHS) {
            for (int rows : new int[] {1, 7, 8, 9, 16, 23, 40}) {
                int p0 = random.nextInt(5), row0 = random.nextInt(3), aOff = random.nextInt(9);
                int lda = p0 + kc + random.nextInt(4);
                float[] a = values(random, aOff + (row0 + rows) * lda);
                int panels = (rows + 7) / 8, paOff = random.nextInt(6);
                float[] expected = garbage(paOff + panels * 8 * kc + 20), actual = expected.clone();
                Packing.packA(false, a, aOff, lda, row0, rows, p0, kc, 8, expected, paOff);
                TransposePackingPanama.packA(a, aOff, lda, row0, rows, p0, kc, actual, paOff);
                assertArrayEquals(expected, actual, "kc=" + kc + " rows=" + rows + " lda=" + lda);
                checked++;
            }
        }
        assertEquals(DEPTHS.length * 7, checked);
    }

    @Test
    void packingATransposedTwoPanelsAtATimeMatchesTheScalarPacker() {
        assumeTrue(TransposePackingPanama.AVAILABLE, "written for 16 float lanes (AVX-512)");
        SplittableRandom random = new SplittableRandom(13);
        int checked = 0;
        for (int kc : DEPTHS) {
            for (int rows : new int[] {1, 7, 8, 9, 16, 23, 24, 40, 130}) {
                int p0 = random.nextInt(5), row0 = random.nextInt(3), aOff = random.nextInt(9);
                int lda = row0 + rows + random.nextInt(4);
                float[] a = values(random, aOff + (p0 + kc) * lda);
                int panels = (rows + 7) / 8, paOff = random.nextInt(6);
                float[] expected = garbage(paOff + panels * 8 * kc + 20), actual = expected.clone();
                Packing.packA(true, a, aOff, lda, row0, rows, p0, kc, 8, expected, paOff);
                PackingPanama.packATransposedByPanels(a, aOff, lda, row0, rows, p0, kc, actual, paOff);
                assertArrayEquals(expected, actual, "kc=" + kc + " rows=" + rows + " lda=" + lda);
                checked++;
            }
        }
        assertEquals(DEPTHS.length * 9, checked);
    }

    @Test
    void packingBTransposedMatchesTheScalarPacker() {
        assumeTrue(TransposePackingPanama.AVAILABLE, "the transposes are written for 16 float lanes (AVX-512)");
        SplittableRandom random = new SplittableRandom(12);
        int checked = 0;
        for (int kc : DEPTHS) {
            for (int cols : new int[] {1, 8, 15, 16, 17, 24, 31, 32, 33, 48, 70}) {
                int p0 = random.nextInt(5), col0 = random.nextInt(3), bOff = random.nextInt(9);
                int ldb = p0 + kc + random.nextInt(4);
                float[] b = values(random, bOff + (col0 + cols) * ldb);
                int panels = (cols + 31) / 32, pbOff = random.nextInt(6);
                float[] expected = garbage(pbOff + panels * 32 * kc + 20), actual = expected.clone();
                Packing.packB(true, b, bOff, ldb, p0, kc, col0, cols, 32, expected, pbOff);
                TransposePackingPanama.packB(b, bOff, ldb, p0, kc, col0, cols, actual, pbOff);
                assertArrayEquals(expected, actual, "kc=" + kc + " cols=" + cols + " ldb=" + ldb);
                checked++;
            }
        }
        assertEquals(DEPTHS.length * 11, checked);
    }

    @Test
    void packingBInPairsOfPanelsMatchesTheScalarPacker() {
        SplittableRandom random = new SplittableRandom(14);
        int checked = 0;
        for (int kc : DEPTHS) {
            for (int cols : new int[] {1, 15, 16, 17, 31, 32, 33, 64, 65, 96, 100, 130}) {
                int p0 = random.nextInt(5), col0 = random.nextInt(3), bOff = random.nextInt(9);
                int ldb = col0 + cols + random.nextInt(4);
                float[] b = values(random, bOff + (p0 + kc) * ldb);
                double[] bd = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    bd[i] = b[i] + 0.25;
                }
                for (int nr : new int[] {16, 32}) {
                    int panels = (cols + nr - 1) / nr, pbOff = random.nextInt(6), size = pbOff + panels * nr * kc + 20;
                    float[] expected = garbage(size), actual = expected.clone();
                    Packing.packB(false, b, bOff, ldb, p0, kc, col0, cols, nr, expected, pbOff);
                    PackingPanama.packPanelPairsB(b, bOff, ldb, p0, kc, col0, cols, nr, actual, pbOff);
                    assertArrayEquals(expected, actual, "float kc=" + kc + " cols=" + cols + " nr=" + nr);
                    double[] expectedD = new double[size], actualD = new double[size];
                    Arrays.fill(expectedD, -7.5);
                    Arrays.fill(actualD, -7.5);
                    Packing.packB(false, bd, bOff, ldb, p0, kc, col0, cols, nr, expectedD, pbOff);
                    PackingPanama.packPanelPairsB(bd, bOff, ldb, p0, kc, col0, cols, nr, actualD, pbOff);
                    assertArrayEquals(expectedD, actualD, "double kc=" + kc + " cols=" + cols + " nr=" + nr);
                    checked++;
                }
            }
        }
        assertEquals(DEPTHS.length * 12 * 2, checked);
    }

    /** Distinct values, so a value in a wrong slot cannot match by chance. */
    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + (float) random.nextDouble();
        }
        return v;
    }

    private static float[] garbage(int n) {
        float[] v = new float[n];
        Arrays.fill(v, -7.5f);
        return v;
    }
}
