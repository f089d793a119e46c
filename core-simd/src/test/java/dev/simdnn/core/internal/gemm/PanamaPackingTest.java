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
        int checked = checkAgainstScalar(11, new int[] {1, 7, 8, 9, 16, 23, 40}, 8, true,
                (a, off, ld, start, count, p0, kc, pa, paOff) ->
                        Packing.packA(false, a, off, ld, start, count, p0, kc, 8, pa, paOff),
                TransposePackingPanama::packA);
        assertEquals(DEPTHS.length * 7, checked);
    }

    @Test
    void packingATransposedTwoPanelsAtATimeMatchesTheScalarPacker() {
        assumeTrue(TransposePackingPanama.AVAILABLE, "written for 16 float lanes (AVX-512)");
        int checked = checkAgainstScalar(13, new int[] {1, 7, 8, 9, 16, 23, 24, 40, 130}, 8, false,
                (a, off, ld, start, count, p0, kc, pa, paOff) ->
                        Packing.packA(true, a, off, ld, start, count, p0, kc, 8, pa, paOff),
                PackingPanama::packATransposedByPanels);
        assertEquals(DEPTHS.length * 9, checked);
    }

    @Test
    void packingBTransposedMatchesTheScalarPacker() {
        assumeTrue(TransposePackingPanama.AVAILABLE, "the transposes are written for 16 float lanes (AVX-512)");
        int checked = checkAgainstScalar(12, new int[] {1, 8, 15, 16, 17, 24, 31, 32, 33, 48, 70}, 32, true,
                (b, off, ld, start, count, p0, kc, pb, pbOff) ->
                        Packing.packB(true, b, off, ld, p0, kc, start, count, 32, pb, pbOff),
                (b, off, ld, start, count, p0, kc, pb, pbOff) ->
                        TransposePackingPanama.packB(b, off, ld, p0, kc, start, count, pb, pbOff));
        assertEquals(DEPTHS.length * 11, checked);
    }

    /** A float packer: {@code count} rows (or columns) of op(X) from {@code start}, depths p0..p0+kc−1. */
    private interface Packer {
        void pack(float[] x, int off, int ld, int start, int count, int p0, int kc, float[] packed, int packedOff);
    }

    /**
     * Packs every depth of {@link #DEPTHS} x every count with both packers, from the same operand, offsets and
     * leading dimension, into buffers pre-filled alike, and asserts the buffers equal; returns the cases checked.
     * {@code depthContiguous}: each stored row runs along the depth (A not transposed, B transposed), else along the
     * rows or columns being packed.
     */
    private static int checkAgainstScalar(long seed, int[] counts, int panelWidth, boolean depthContiguous,
                                          Packer scalar, Packer vector) {
        SplittableRandom random = new SplittableRandom(seed);
        int checked = 0;
        for (int kc : DEPTHS) {
            for (int count : counts) {
                int p0 = random.nextInt(5), start = random.nextInt(3), off = random.nextInt(9);
                int ld = (depthContiguous ? p0 + kc : start + count) + random.nextInt(4);
                float[] x = values(random, off + (depthContiguous ? start + count : p0 + kc) * ld);
                int panels = (count + panelWidth - 1) / panelWidth, packedOff = random.nextInt(6);
                float[] expected = garbage(packedOff + panels * panelWidth * kc + 20), actual = expected.clone();
                scalar.pack(x, off, ld, start, count, p0, kc, expected, packedOff);
                vector.pack(x, off, ld, start, count, p0, kc, actual, packedOff);
                assertArrayEquals(expected, actual, "kc=" + kc + " count=" + count + " ld=" + ld);
                checked++;
            }
        }
        return checked;
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
