package dev.simdnn.core.internal.gemm;

/**
 * Copies blocks of op(A) and op(B) into the layouts the micro-kernels stream through, zero-padded to whole
 * micro-panels so the hot loop never has a tail (padding rows/columns produce results that are not stored).
 *
 * <pre>
 * packed A (MC x KC block, micro-panels of MR rows):     packed B (KC x NC panel, micro-panels of NR cols):
 *
 *   pa = [ panel 0 | panel 1 | ... ]                       pb = [ panel 0 | panel 1 | ... ]
 *   panel t, depth p: MR values, rows t*MR .. t*MR+MR-1    panel t, depth p: NR values, cols t*NR .. t*NR+NR-1
 *
 *      p=0      p=1      p=2                                 p=0              p=1
 *   [a00 a10 .. a70][a01 a11 .. a71][a02 ...]              [b00 b01 .. b0,NR-1][b10 b11 .. b1,NR-1] ...
 *
 *   pa[t*MR*KC + p*MR + r] = op(A)[t*MR + r][p]             pb[t*NR*KC + p*NR + c] = op(B)[p][t*NR + c]
 * </pre>
 *
 * The micro-kernel reads MR scalars of A (broadcast) and NR/L vectors of B per step p, both contiguous.
 * Packing A from a row-major A (op = N) and B from a transposed B (op = T) are strided transposes; the
 * others are row copies.
 */
final class Packing {
    private Packing() {}

    /**
     * Packs rows {@code row0 .. row0+rows-1}, depths {@code p0 .. p0+kc-1} of op(A) into micro-panels of {@code mr}
     * rows from {@code pa[paOff]} on.
     */
    static void packA(boolean trans, float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr,
                      float[] pa, int paOff) {
        for (int i = 0, base = paOff; i < rows; i += mr, base += mr * kc) {
            int h = Math.min(mr, rows - i);
            if (!trans && h == 8 && mr == 8) {
                packEightRows(a, aOff + (row0 + i) * lda + p0, lda, kc, pa, base, 8);
            } else if (!trans) {
                for (int r = 0; r < h; r++) {
                    int src = aOff + (row0 + i + r) * lda + p0;
                    for (int p = 0, dst = base + r; p < kc; p++, dst += mr) {
                        pa[dst] = a[src + p];
                    }
                }
            } else {
                for (int p = 0, dst = base; p < kc; p++, dst += mr) {
                    int src = aOff + (p0 + p) * lda + row0 + i;
                    for (int r = 0; r < h; r++) {
                        pa[dst + r] = a[src + r];
                    }
                }
            }
            for (int r = h; r < mr; r++) {
                for (int p = 0, dst = base + r; p < kc; p++, dst += mr) {
                    pa[dst] = 0f;
                }
            }
        }
    }

    /**
     * Packs depths {@code p0 .. p0+kc-1}, columns {@code col0 .. col0+cols-1} of op(B) into {@code pb} from
     * {@code pb[pbOff]} on: micro-panel t (NR columns, zero-padded) at {@code pbOff + t·nr·kc}.
     */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr,
                      float[] pb, int pbOff) {
        if (!trans) {
            packRowsB(b, bOff, ldb, p0, kc, col0, cols, nr, pb, pbOff);
            return;
        }
        for (int j = 0, base = pbOff; j < cols; j += nr, base += nr * kc) {
            packTransposedColumns(b, bOff, ldb, p0, kc, col0 + j, 0, Math.min(nr, cols - j), nr, pb, base);
        }
    }

    /**
     * Columns {@code c .. w−1} of the op(B) = Bᵀ micro-panel at {@code pb[base]} whose first column is stored row
     * {@code col} of B, then its zero padding from column w to nr.
     */
    static void packTransposedColumns(float[] b, int bOff, int ldb, int p0, int kc, int col, int c, int w, int nr,
                                      float[] pb, int base) {
        for (; c + 8 <= w; c += 8) {
            packEightRows(b, bOff + (col + c) * ldb + p0, ldb, kc, pb, base + c, nr);
        }
        for (; c < w; c++) {
            int src = bOff + (col + c) * ldb + p0;
            for (int p = 0, dst = base + c; p < kc; p++, dst += nr) {
                pb[dst] = b[src + p];
            }
        }
        if (w < nr) {
            for (int p = 0, dst = base; p < kc; p++, dst += nr) {
                java.util.Arrays.fill(pb, dst + w, dst + nr, 0f);
            }
        }
    }

    /** Double twin of {@link #packA(boolean, float[], int, int, int, int, int, int, int, float[], int)}. */
    static void packA(boolean trans, double[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr,
                      double[] pa, int paOff) {
        for (int i = 0, base = paOff; i < rows; i += mr, base += mr * kc) {
            int h = Math.min(mr, rows - i);
            if (!trans && h == 8 && mr == 8) {
                packEightRows(a, aOff + (row0 + i) * lda + p0, lda, kc, pa, base, 8);
            } else if (!trans) {
                for (int r = 0; r < h; r++) {
                    int src = aOff + (row0 + i + r) * lda + p0;
                    for (int p = 0, dst = base + r; p < kc; p++, dst += mr) {
                        pa[dst] = a[src + p];
                    }
                }
            } else {
                for (int p = 0, dst = base; p < kc; p++, dst += mr) {
                    int src = aOff + (p0 + p) * lda + row0 + i;
                    for (int r = 0; r < h; r++) {
                        pa[dst + r] = a[src + r];
                    }
                }
            }
            for (int r = h; r < mr; r++) {
                for (int p = 0, dst = base + r; p < kc; p++, dst += mr) {
                    pa[dst] = 0d;
                }
            }
        }
    }

    /** Double twin of {@link #packB(boolean, float[], int, int, int, int, int, int, int, float[], int)}. */
    static void packB(boolean trans, double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr,
                      double[] pb, int pbOff) {
        if (!trans) {
            packRowsB(b, bOff, ldb, p0, kc, col0, cols, nr, pb, pbOff);
            return;
        }
        for (int j = 0, base = pbOff; j < cols; j += nr, base += nr * kc) {
            int w = Math.min(nr, cols - j);
            int c = 0;
            for (; c + 8 <= w; c += 8) {
                packEightRows(b, bOff + (col0 + j + c) * ldb + p0, ldb, kc, pb, base + c, nr);
            }
            for (; c < w; c++) {
                int src = bOff + (col0 + j + c) * ldb + p0;
                for (int p = 0, dst = base + c; p < kc; p++, dst += nr) {
                    pb[dst] = b[src + p];
                }
            }
            if (w < nr) {
                for (int p = 0, dst = base; p < kc; p++, dst += nr) {
                    java.util.Arrays.fill(pb, dst + w, dst + nr, 0d);
                }
            }
        }
    }

    /**
     * packB for op(B) = B (row-major): row p of B is read once, front to back, and its NR-wide pieces are
     * scattered to the micro-panels. Reading B in its storage order matters: panel by panel, the reads
     * jump a whole row of B per step and cost several times more.
     */
    static void packRowsB(float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr, float[] pb,
                          int pbOff) {
        int full = cols / nr * nr;
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + col0;
            int dst = pbOff + p * nr;
            for (int j = 0; j < full; j += nr, dst += nr * kc) {
                System.arraycopy(b, src + j, pb, dst, nr);
            }
            if (full < cols) {
                packPartialPiece(b, src + full, cols - full, nr, pb, dst);
            }
        }
    }

    /** Double twin of {@link #packRowsB(float[], int, int, int, int, int, int, int, float[], int)}. */
    static void packRowsB(double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, int nr, double[] pb,
                          int pbOff) {
        int full = cols / nr * nr;
        for (int p = 0; p < kc; p++) {
            int src = bOff + (p0 + p) * ldb + col0;
            int dst = pbOff + p * nr;
            for (int j = 0; j < full; j += nr, dst += nr * kc) {
                System.arraycopy(b, src + j, pb, dst, nr);
            }
            if (full < cols) {
                packPartialPiece(b, src + full, cols - full, nr, pb, dst);
            }
        }
    }

    /** The last, partial piece of a row of B: its w floats, then zeros up to nr (the panel's padding). */
    static void packPartialPiece(float[] b, int src, int w, int nr, float[] pb, int dst) {
        System.arraycopy(b, src, pb, dst, w);
        java.util.Arrays.fill(pb, dst + w, dst + nr, 0f);
    }

    /** Double twin of {@link #packPartialPiece(float[], int, int, int, float[], int)}. */
    static void packPartialPiece(double[] b, int src, int w, int nr, double[] pb, int dst) {
        System.arraycopy(b, src, pb, dst, w);
        java.util.Arrays.fill(pb, dst + w, dst + nr, 0d);
    }

    /**
     * Eight stored rows, each contiguous in p, read as eight sequential streams; depth p of the eight goes to
     * {@code pa[dst + p·dstStride .. +7]}. Serves packA for op(A) = A (stride MR) and packB for op(B) = Bᵀ
     * (stride NR, eight columns of a panel at a time). Row by row, the writes would revisit every cache
     * line of the panel eight times.
     */
    private static void packEightRows(float[] a, int src, int lda, int kc, float[] pa, int dst, int dstStride) {
        int s0 = src, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda, s5 = s4 + lda, s6 = s5 + lda,
                s7 = s6 + lda;
        for (int p = 0; p < kc; p++, dst += dstStride) {
            pa[dst] = a[s0 + p];
            pa[dst + 1] = a[s1 + p];
            pa[dst + 2] = a[s2 + p];
            pa[dst + 3] = a[s3 + p];
            pa[dst + 4] = a[s4 + p];
            pa[dst + 5] = a[s5 + p];
            pa[dst + 6] = a[s6 + p];
            pa[dst + 7] = a[s7 + p];
        }
    }

    /** Double twin of {@link #packEightRows(float[], int, int, int, float[], int, int)}. */
    private static void packEightRows(double[] a, int src, int lda, int kc, double[] pa, int dst, int dstStride) {
        int s0 = src, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda, s5 = s4 + lda, s6 = s5 + lda,
                s7 = s6 + lda;
        for (int p = 0; p < kc; p++, dst += dstStride) {
            pa[dst] = a[s0 + p];
            pa[dst + 1] = a[s1 + p];
            pa[dst + 2] = a[s2 + p];
            pa[dst + 3] = a[s3 + p];
            pa[dst + 4] = a[s4 + p];
            pa[dst + 5] = a[s5 + p];
            pa[dst + 6] = a[s6 + p];
            pa[dst + 7] = a[s7 + p];
        }
    }
}
