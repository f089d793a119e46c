package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the two {@link Packing} layouts that are plain copies of contiguous runs: B not
 * transposed (NR-wide pieces of each row of B; float and double) and A transposed (MR-long pieces of each row of
 * the stored Aᵀ; float).
 * They write exactly the values {@link Packing} writes, so the products keep their bits. The strided transposes
 * (A not transposed, B transposed) are {@link TransposePackingPanama}'s on 16-lane vectors, else scalar.
 *
 * <p>In the training step these two layouts carry the forward pass's weights (X·W) and both operands of the
 * weight gradient (Xᵀ·dZ). On Zen 3: 512 x 512 rows of B 0.43-0.56 → 0.32 ns per element, a 125 x 512 block of
 * Aᵀ 0.73-1.21 → 0.54-0.61 ns.
 */
final class PackingPanama {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = PanamaSpecies.DOUBLE;
    private static final int DL = D.length();

    private PackingPanama() {}

    /**
     * {@link Packing#packRowsB(float[], int, int, int, int, int, int, int, float[], int)} for nr a multiple of L: each
     * NR-wide piece moved as whole vectors instead of a {@code System.arraycopy} call of NR floats.
     */
    static void packRowsB(float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr, float[] pb,
                          int pbOff) {
        int full = cols / nr * nr;
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + col0;
            int dst = pbOff + p * nr;
            for (int j = 0; j < full; j += nr, dst += nr * kc) {
                for (int v = 0; v < nr; v += L) {
                    FloatVector.fromArray(S, b, src + j + v).intoArray(pb, dst + v);
                }
            }
            if (full < cols) {
                Packing.packPartialPiece(b, src + full, cols - full, nr, pb, dst);
            }
        }
    }

    /**
     * The double twin of {@link #packRowsB(float[], int, int, int, int, int, int, int, float[], int)}, for nr a
     * multiple of the double species' length. DGEMM on Zen 3, M = 1000, N = K = 1024 (2026-12-01, best of 20): packing
     * B's two KC blocks took 3.2–4.2 ms with an arraycopy of 8 doubles per piece, 2.0–2.4 ms so, against 57–63 ms
     * for OpenBLAS's whole call.
     */
    static void packRowsB(double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr, double[] pb,
                          int pbOff) {
        int full = cols / nr * nr;
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + col0;
            int dst = pbOff + p * nr;
            for (int j = 0; j < full; j += nr, dst += nr * kc) {
                for (int v = 0; v < nr; v += DL) {
                    DoubleVector.fromArray(D, b, src + j + v).intoArray(pb, dst + v);
                }
            }
            if (full < cols) {
                Packing.packPartialPiece(b, src + full, cols - full, nr, pb, dst);
            }
        }
    }

    /**
     * {@link #packRowsB(float[], int, int, int, int, int, int, int, float[], int)}'s layout written two micro-panels
     * at a time, depth after depth: each stored row gives 2·nr contiguous floats, and the writes are two sequential
     * streams. Row after row, as {@code packRowsB} goes, writes to cols / nr streams nr·kc floats apart, a power of
     * two whenever kc is one, which share a few L1 sets. On Zen 5 (AVX-512; 2026-12-01): K x N = 512 x 512 49–63 →
     * 29–31 µs, 256 x 512 31–34 → 12–13 µs, 1024 x 2048 760–800 → 300–340 µs, 784 x 512 (kc not a power of two)
     * 49 → 48 µs. Row after row stays for AVX2, where Zen 3 had measured panel-by-panel reads (of one panel,
     * by {@code System.arraycopy}) several times slower.
     */
    static void packPanelPairsB(float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr, float[] pb,
                                int pbOff) {
        int full = cols / nr * nr, next = nr * kc, j = 0;
        for (; j + 2 * nr <= full; j += 2 * nr) {
            int src = bOff + p0 * ldb + col0 + j, dst = pbOff + j * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                for (int v = 0; v < nr; v += L) {
                    FloatVector.fromArray(S, b, src + v).intoArray(pb, dst + v);
                    FloatVector.fromArray(S, b, src + nr + v).intoArray(pb, dst + next + v);
                }
            }
        }
        if (j < full) {
            int src = bOff + p0 * ldb + col0 + j, dst = pbOff + j * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                for (int v = 0; v < nr; v += L) {
                    FloatVector.fromArray(S, b, src + v).intoArray(pb, dst + v);
                }
            }
        }
        if (full < cols) {
            int src = bOff + p0 * ldb + col0 + full, dst = pbOff + full * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                Packing.packPartialPiece(b, src, cols - full, nr, pb, dst);
            }
        }
    }

    /** The double twin of {@link #packPanelPairsB(float[], int, int, int, int, int, int, int, float[], int)}. */
    static void packPanelPairsB(double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr,
                                double[] pb, int pbOff) {
        int full = cols / nr * nr, next = nr * kc, j = 0;
        for (; j + 2 * nr <= full; j += 2 * nr) {
            int src = bOff + p0 * ldb + col0 + j, dst = pbOff + j * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                for (int v = 0; v < nr; v += DL) {
                    DoubleVector.fromArray(D, b, src + v).intoArray(pb, dst + v);
                    DoubleVector.fromArray(D, b, src + nr + v).intoArray(pb, dst + next + v);
                }
            }
        }
        if (j < full) {
            int src = bOff + p0 * ldb + col0 + j, dst = pbOff + j * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                for (int v = 0; v < nr; v += DL) {
                    DoubleVector.fromArray(D, b, src + v).intoArray(pb, dst + v);
                }
            }
        }
        if (full < cols) {
            int src = bOff + p0 * ldb + col0 + full, dst = pbOff + full * kc;
            for (int p = 0; p < kc; p++, src += ldb, dst += nr) {
                Packing.packPartialPiece(b, src, cols - full, nr, pb, dst);
            }
        }
    }

    /**
     * {@link Packing#packA} for op(A) = Aᵀ and mr ≤ L: depth p of micro-panel t is the mr floats of stored row
     * p0 + p from column row0 + t·mr on. Each is moved as one L-lane vector, whose last L − mr lanes land in the
     * slots of depth p + 1 and are overwritten when depth p + 1 is packed (depths go in increasing order). The last
     * depth is copied with {@code System.arraycopy}: a vector would spill into the next panel, and its load could run
     * past the array's end (an earlier depth's load ends at most L − mr ≤ lda floats past its piece, inside stored
     * row p + 1). A masked vector did that before, and its mask was boxed, 48 bytes per call, in a JVM that had run
     * every kernel ({@code KernelAllocationTest}). A partial last panel is copied and zero-padded element by element.
     */
    static void packATransposed(float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr, float[] pa,
                                int paOff) {
        int panels = rows / mr;
        for (int p = 0; p < kc; p++) {
            int src = aOff + (p0 + p) * lda + row0;
            boolean lastDepth = p == kc - 1;
            for (int t = 0, dst = paOff + p * mr; t < panels; t++, src += mr, dst += mr * kc) {
                if (!lastDepth) {
                    FloatVector.fromArray(S, a, src).intoArray(pa, dst);
                } else {
                    System.arraycopy(a, src, pa, dst, mr);
                }
            }
        }
        packPartialPanelATransposed(a, aOff, lda, row0, rows, p0, kc, mr, pa, paOff);
    }

    /**
     * {@link #packATransposed} for mr = 8 and L = 16, two micro-panels at a time, depth after depth: two sequential
     * write streams, with the same L-lane vectors whose upper half the next depth overwrites, and the same copy of the
     * last depth. Depth-major over all panels, as {@link #packATransposed} goes, writes to rows / 8 streams 8·kc
     * floats apart, a power of two at kc = 128 or 256, which share a few L1 sets: on Zen 5 (2026-12-01), 784 rows at
     * kc = 128 took 78 µs so and 10–13 µs here. (8-lane vectors, without the overlap, measured the same, but a second
     * float species in the JVM made C2 box vectors in other kernels when it compiled without tiers.)
     */
    static void packATransposedByPanels(float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, float[] pa,
                                        int paOff) {
        int panels = rows / 8, next = 8 * kc, t = 0;
        for (; t + 2 <= panels; t += 2) {
            int src = aOff + p0 * lda + row0 + t * 8, dst = paOff + t * next;
            for (int p = 0; p < kc - 1; p++, src += lda, dst += 8) {
                FloatVector.fromArray(S, a, src).intoArray(pa, dst);
                FloatVector.fromArray(S, a, src + 8).intoArray(pa, dst + next);
            }
            System.arraycopy(a, src, pa, dst, 8);
            System.arraycopy(a, src + 8, pa, dst + next, 8);
        }
        if (t < panels) {
            int src = aOff + p0 * lda + row0 + t * 8, dst = paOff + t * next;
            for (int p = 0; p < kc - 1; p++, src += lda, dst += 8) {
                FloatVector.fromArray(S, a, src).intoArray(pa, dst);
            }
            System.arraycopy(a, src, pa, dst, 8);
        }
        packPartialPanelATransposed(a, aOff, lda, row0, rows, p0, kc, 8, pa, paOff);
    }

    /** The last micro-panel of op(A) = Aᵀ when rows is not a multiple of mr: copied and zero-padded one by one. */
    private static void packPartialPanelATransposed(float[] a, int aOff, int lda, int row0, int rows, int p0, int kc,
                                                    int mr, float[] pa, int paOff) {
        int panels = rows / mr, h = rows - panels * mr;
        if (h > 0) {
            int base = paOff + panels * mr * kc;
            for (int p = 0, dst = base; p < kc; p++, dst += mr) {
                int src = aOff + (p0 + p) * lda + row0 + panels * mr;
                for (int r = 0; r < mr; r++) {
                    pa[dst + r] = r < h ? a[src + r] : 0f;
                }
            }
        }
    }
}
