package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.elementwise.ActivationPanama;
import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API float micro-kernel: an MR x 2L outer-product tile (L = lanes of the preferred species): 8 x 32 with
 * 16 vector accumulators on AVX-512, 5 x 16 with 10 on AVX2 (16 registers; see {@link #MR}). Per depth step: two
 * vector loads of packed B, MR broadcasts of packed A, 2·MR fused multiply-adds. Written out by hand on purpose,
 * the α/β update of every accumulator too: accumulators in arrays or helper methods taking vectors get boxed, and more
 * than 16 accumulators exceed C2's inlining budget (both measured 6-25x slower). On 2026-12-01 the update as one
 * small helper, called per accumulator, was inlined into the float tiles but not into DGEMM's: 5 MB allocated per
 * 512³ call.
 */
public final class SgemmPanama extends FloatMicroKernel {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();
    /**
     * Rows of the tile: 8 where the register file has 32 vectors (512-bit species: AVX-512), 5 where it has 16
     * (AVX2). 16 accumulators on 16 registers spilled six of them to the stack, and each spilled accumulator's
     * store-to-load forwarding sat in its fma chain; 10 accumulators, two B vectors and the broadcasts fit.
     */
    private static final int MR = S.vectorBitSize() >= 512 ? 8 : 5;
    private static final int NR = 2 * L;

    public SgemmPanama() {
        super(new Blocking(MR, NR, GemmTuning.SGEMM_KC, GemmTuning.SGEMM_MC / MR * MR, GemmTuning.SGEMM_NC),
                new ActivationPanama());
    }

    /**
     * The row-vector path's block, B streamed row by row: four rows of B at a time are folded into the output row
     * (L1-resident), each element by four fmas in increasing p, then stored. B is read as four sequential streams,
     * which the hardware prefetchers follow across pages; a strip of columns walked down the rows (registers held
     * over the whole depth) jumps a row of B per step and crosses a page every few steps. The first fma of each
     * element adds to +0, as the packed kernel's accumulators start; the last cols mod L columns take the scalar fma
     * chain in the same order, so the bits are those of {@link FloatMicroKernel#rowBlock}. Batch-1 inference of the
     * 784-512-512-10 MLP on Zen 3: 59.6 µs (strips) → 51.8 µs p50, ~52 GB/s of weights from L3.
     */
    @Override
    public void rowBlock(int kc, float[] x, int xIdx, int xStep, float[] b, int bIdx, int ldb, int cols, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        int whole = S.loopBound(cols);
        int p = 0;
        for (; p + 4 <= kc; p += 4) {      // 8 rows at a time measured the same: L3 bandwidth is the limit
            int xi = xIdx + p * xStep, b0 = bIdx + p * ldb;
            FloatVector x0 = FloatVector.broadcast(S, x[xi]);
            FloatVector x1 = FloatVector.broadcast(S, x[xi + xStep]);
            FloatVector x2 = FloatVector.broadcast(S, x[xi + 2 * xStep]);
            FloatVector x3 = FloatVector.broadcast(S, x[xi + 3 * xStep]);
            for (int j = 0, bj = b0; j < whole; j += L, bj += L) {
                FloatVector acc = FloatVector.fromArray(S, out, j);
                acc = FloatVector.fromArray(S, b, bj).fma(x0, acc);
                acc = FloatVector.fromArray(S, b, bj + ldb).fma(x1, acc);
                acc = FloatVector.fromArray(S, b, bj + 2 * ldb).fma(x2, acc);
                acc = FloatVector.fromArray(S, b, bj + 3 * ldb).fma(x3, acc);
                acc.intoArray(out, j);
            }
        }
        for (; p < kc; p++) {
            int bi = bIdx + p * ldb;
            FloatVector xp = FloatVector.broadcast(S, x[xIdx + p * xStep]);
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, b, bi + j).fma(xp, FloatVector.fromArray(S, out, j)).intoArray(out, j);
            }
        }
        for (int j = whole; j < cols; j++) {
            float acc = 0f;
            for (int q = 0, xi = xIdx, bi = bIdx + j; q < kc; q++, xi += xStep, bi += ldb) {
                acc = Math.fma(x[xi], b[bi], acc);
            }
            out[j] = acc;
        }
    }

    @Override
    public void tile(int kc, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c, int cOff, int ldc,
                     double alpha, double beta) {
        if (MR == 5) {     // a constant: C2 compiles only one of the two calls
            tile5(kc, pa, paOff, pb, pbOff, ldpb, c, cOff, ldc, alpha, beta);
        } else {
            tile8(kc, pa, paOff, pb, pbOff, ldpb, c, cOff, ldc, alpha, beta);
        }
    }

    /** The 5 x 2L tile (10 accumulators) for 16-register machines; see the class comment. */
    private static void tile5(int kc, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c, int cOff,
                              int ldc, double alpha, double beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += 5, ib += ldpb) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector a;
            a = FloatVector.broadcast(S, pa[ia]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, pa[ia + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, pa[ia + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, pa[ia + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, pa[ia + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
        }
        FloatVector av = FloatVector.broadcast(S, (float) alpha);
        if (beta == 0) {
            c00.mul(av).intoArray(c, cOff);
            c01.mul(av).intoArray(c, cOff + L);
            c10.mul(av).intoArray(c, cOff + 1 * ldc);
            c11.mul(av).intoArray(c, cOff + 1 * ldc + L);
            c20.mul(av).intoArray(c, cOff + 2 * ldc);
            c21.mul(av).intoArray(c, cOff + 2 * ldc + L);
            c30.mul(av).intoArray(c, cOff + 3 * ldc);
            c31.mul(av).intoArray(c, cOff + 3 * ldc + L);
            c40.mul(av).intoArray(c, cOff + 4 * ldc);
            c41.mul(av).intoArray(c, cOff + 4 * ldc + L);
        } else {
            FloatVector bv = FloatVector.broadcast(S, (float) beta);
            c00.fma(av, FloatVector.fromArray(S, c, cOff).mul(bv)).intoArray(c, cOff);
            c01.fma(av, FloatVector.fromArray(S, c, cOff + L).mul(bv)).intoArray(c, cOff + L);
            c10.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc).mul(bv)).intoArray(c, cOff + 1 * ldc);
            c11.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc + L).mul(bv)).intoArray(c, cOff + 1 * ldc + L);
            c20.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc).mul(bv)).intoArray(c, cOff + 2 * ldc);
            c21.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc + L).mul(bv)).intoArray(c, cOff + 2 * ldc + L);
            c30.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc).mul(bv)).intoArray(c, cOff + 3 * ldc);
            c31.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc + L).mul(bv)).intoArray(c, cOff + 3 * ldc + L);
            c40.fma(av, FloatVector.fromArray(S, c, cOff + 4 * ldc).mul(bv)).intoArray(c, cOff + 4 * ldc);
            c41.fma(av, FloatVector.fromArray(S, c, cOff + 4 * ldc + L).mul(bv)).intoArray(c, cOff + 4 * ldc + L);
        }
    }

    /**
     * 4 on AVX2: a block of rows not a multiple of 5 ends in 4-row tiles ({@link MicroKernel#shortRows}). The
     * 4 x 2L tile keeps both FMA pipes busy with its 8 accumulators: 94-96.5 GFLOPS against the 5-row tile's 96-97.6
     * on Zen 3 (best of 200 rounds, one B micro-panel over 25 A micro-panels, KC = 1024). None on AVX-512, whose
     * 8-row tile would need a 7-row twin.
     */
    @Override
    public int shortRows() {
        return MR == 5 ? 4 : 0;
    }

    @Override
    public void shortTile(int kc, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c, int cOff, int ldc,
                          double alpha, double beta) {
        if (MR != 5) {
            throw new UnsupportedOperationException("no short tile for MR = " + MR);
        }
        tile4(kc, pa, paOff, pb, pbOff, ldpb, c, cOff, ldc, alpha, beta);
    }

    /** The 4 x 2L short tile (8 accumulators) that ends a block of rows not a multiple of 5 on AVX2. */
    private static void tile4(int kc, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c, int cOff,
                              int ldc, double alpha, double beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += 4, ib += ldpb) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector a;
            a = FloatVector.broadcast(S, pa[ia]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, pa[ia + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, pa[ia + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, pa[ia + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
        }
        FloatVector av = FloatVector.broadcast(S, (float) alpha);
        if (beta == 0) {
            c00.mul(av).intoArray(c, cOff);
            c01.mul(av).intoArray(c, cOff + L);
            c10.mul(av).intoArray(c, cOff + 1 * ldc);
            c11.mul(av).intoArray(c, cOff + 1 * ldc + L);
            c20.mul(av).intoArray(c, cOff + 2 * ldc);
            c21.mul(av).intoArray(c, cOff + 2 * ldc + L);
            c30.mul(av).intoArray(c, cOff + 3 * ldc);
            c31.mul(av).intoArray(c, cOff + 3 * ldc + L);
        } else {
            FloatVector bv = FloatVector.broadcast(S, (float) beta);
            c00.fma(av, FloatVector.fromArray(S, c, cOff).mul(bv)).intoArray(c, cOff);
            c01.fma(av, FloatVector.fromArray(S, c, cOff + L).mul(bv)).intoArray(c, cOff + L);
            c10.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc).mul(bv)).intoArray(c, cOff + 1 * ldc);
            c11.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc + L).mul(bv)).intoArray(c, cOff + 1 * ldc + L);
            c20.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc).mul(bv)).intoArray(c, cOff + 2 * ldc);
            c21.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc + L).mul(bv)).intoArray(c, cOff + 2 * ldc + L);
            c30.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc).mul(bv)).intoArray(c, cOff + 3 * ldc);
            c31.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc + L).mul(bv)).intoArray(c, cOff + 3 * ldc + L);
        }
    }

    /** The 8 x 2L tile (16 accumulators) for 32-register machines. */
    private static void tile8(int kc, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c, int cOff,
                              int ldc, double alpha, double beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += 8, ib += ldpb) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector a;
            a = FloatVector.broadcast(S, pa[ia]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, pa[ia + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, pa[ia + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, pa[ia + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, pa[ia + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, pa[ia + 5]);
            c50 = b0.fma(a, c50);
            c51 = b1.fma(a, c51);
            a = FloatVector.broadcast(S, pa[ia + 6]);
            c60 = b0.fma(a, c60);
            c61 = b1.fma(a, c61);
            a = FloatVector.broadcast(S, pa[ia + 7]);
            c70 = b0.fma(a, c70);
            c71 = b1.fma(a, c71);
        }
        FloatVector av = FloatVector.broadcast(S, (float) alpha);
        if (beta == 0) {
            c00.mul(av).intoArray(c, cOff);
            c01.mul(av).intoArray(c, cOff + L);
            c10.mul(av).intoArray(c, cOff + 1 * ldc);
            c11.mul(av).intoArray(c, cOff + 1 * ldc + L);
            c20.mul(av).intoArray(c, cOff + 2 * ldc);
            c21.mul(av).intoArray(c, cOff + 2 * ldc + L);
            c30.mul(av).intoArray(c, cOff + 3 * ldc);
            c31.mul(av).intoArray(c, cOff + 3 * ldc + L);
            c40.mul(av).intoArray(c, cOff + 4 * ldc);
            c41.mul(av).intoArray(c, cOff + 4 * ldc + L);
            c50.mul(av).intoArray(c, cOff + 5 * ldc);
            c51.mul(av).intoArray(c, cOff + 5 * ldc + L);
            c60.mul(av).intoArray(c, cOff + 6 * ldc);
            c61.mul(av).intoArray(c, cOff + 6 * ldc + L);
            c70.mul(av).intoArray(c, cOff + 7 * ldc);
            c71.mul(av).intoArray(c, cOff + 7 * ldc + L);
        } else {
            FloatVector bv = FloatVector.broadcast(S, (float) beta);
            c00.fma(av, FloatVector.fromArray(S, c, cOff).mul(bv)).intoArray(c, cOff);
            c01.fma(av, FloatVector.fromArray(S, c, cOff + L).mul(bv)).intoArray(c, cOff + L);
            c10.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc).mul(bv)).intoArray(c, cOff + 1 * ldc);
            c11.fma(av, FloatVector.fromArray(S, c, cOff + 1 * ldc + L).mul(bv)).intoArray(c, cOff + 1 * ldc + L);
            c20.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc).mul(bv)).intoArray(c, cOff + 2 * ldc);
            c21.fma(av, FloatVector.fromArray(S, c, cOff + 2 * ldc + L).mul(bv)).intoArray(c, cOff + 2 * ldc + L);
            c30.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc).mul(bv)).intoArray(c, cOff + 3 * ldc);
            c31.fma(av, FloatVector.fromArray(S, c, cOff + 3 * ldc + L).mul(bv)).intoArray(c, cOff + 3 * ldc + L);
            c40.fma(av, FloatVector.fromArray(S, c, cOff + 4 * ldc).mul(bv)).intoArray(c, cOff + 4 * ldc);
            c41.fma(av, FloatVector.fromArray(S, c, cOff + 4 * ldc + L).mul(bv)).intoArray(c, cOff + 4 * ldc + L);
            c50.fma(av, FloatVector.fromArray(S, c, cOff + 5 * ldc).mul(bv)).intoArray(c, cOff + 5 * ldc);
            c51.fma(av, FloatVector.fromArray(S, c, cOff + 5 * ldc + L).mul(bv)).intoArray(c, cOff + 5 * ldc + L);
            c60.fma(av, FloatVector.fromArray(S, c, cOff + 6 * ldc).mul(bv)).intoArray(c, cOff + 6 * ldc);
            c61.fma(av, FloatVector.fromArray(S, c, cOff + 6 * ldc + L).mul(bv)).intoArray(c, cOff + 6 * ldc + L);
            c70.fma(av, FloatVector.fromArray(S, c, cOff + 7 * ldc).mul(bv)).intoArray(c, cOff + 7 * ldc);
            c71.fma(av, FloatVector.fromArray(S, c, cOff + 7 * ldc + L).mul(bv)).intoArray(c, cOff + 7 * ldc + L);
        }
    }

    /**
     * One vector for n ≤ L. Two vectors for n ≤ 2L only with the 5-row tile (AVX2, L = 8: a 10-class output layer);
     * on AVX-512 one vector already holds 16 columns.
     */
    @Override
    public int narrowWidth(int n) {
        if (n <= L) {
            return L;
        }
        return MR == 5 && n <= 2 * L ? 2 * L : 0;
    }

    /**
     * One vector of columns: 16 rows on AVX-512 (16 accumulators of 32 registers), 8 on AVX2 (of 16); two vectors
     * (AVX2 only): 5 rows, 10 accumulators, as {@link #MR}. Eight independent fma chains only just cover the fma's
     * latency at two per cycle: on Zen 5 (2026-12-01, against OpenBLAS in one JVM), 16 rows took the 10-class
     * layer's forward product 128 x 10 x 512 from 59–77 GFLOPS (0.63–0.80x) to 105 (1.07x), and 32 x 10 x 512 from
     * 0.90x to 0.99x.
     */
    @Override
    public int narrowRows(int width) {
        return width == L ? (L == 16 ? 16 : 8) : 5;
    }

    @Override
    public void narrowTile(int kc, boolean transA, float[] a, int aIdx, int lda, int rows, float[] pb, int pbOff,
                           int width, float[] scratch) {
        if (width == L && rows == 16 && transA) {
            narrowTile16Transposed(kc, a, aIdx, lda, pb, pbOff, scratch);
        } else if (width == L && rows > 8) {
            narrowTile16(kc, transA, a, aIdx, lda, rows, pb, pbOff, scratch);
        } else if (width == L) {
            narrowTile8(kc, transA, a, aIdx, lda, rows, pb, pbOff, scratch);
        } else {
            narrowTile5(kc, transA, a, aIdx, lda, rows, pb, pbOff, scratch);
        }
    }

    /** 16 rows x one vector, 16 accumulators (AVX-512 only); A broadcast in place as in {@link #narrowTile8}. */
    private static void narrowTile16(int kc, boolean transA, float[] a, int aIdx, int lda, int rows, float[] pb,
                                     int pbOff, float[] scratch) {
        int rs = transA ? 1 : lda, ps = transA ? lda : 1;
        int last = rows - 1;
        int o1 = rs, o2 = 2 * rs, o3 = 3 * rs, o4 = 4 * rs, o5 = 5 * rs, o6 = 6 * rs, o7 = 7 * rs, o8 = 8 * rs;
        int o9 = Math.min(9, last) * rs;
        int o10 = Math.min(10, last) * rs;
        int o11 = Math.min(11, last) * rs;
        int o12 = Math.min(12, last) * rs;
        int o13 = Math.min(13, last) * rs;
        int o14 = Math.min(14, last) * rs;
        int o15 = Math.min(15, last) * rs;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        FloatVector c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S);
        FloatVector c7 = FloatVector.zero(S);
        FloatVector c8 = FloatVector.zero(S);
        FloatVector c9 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c13 = FloatVector.zero(S);
        FloatVector c14 = FloatVector.zero(S);
        FloatVector c15 = FloatVector.zero(S);
        for (int p = 0, ia = aIdx, ib = pbOff; p < kc; p++, ia += ps, ib += L) {
            FloatVector b = FloatVector.fromArray(S, pb, ib);
            c0 = b.fma(FloatVector.broadcast(S, a[ia]), c0);
            c1 = b.fma(FloatVector.broadcast(S, a[ia + o1]), c1);
            c2 = b.fma(FloatVector.broadcast(S, a[ia + o2]), c2);
            c3 = b.fma(FloatVector.broadcast(S, a[ia + o3]), c3);
            c4 = b.fma(FloatVector.broadcast(S, a[ia + o4]), c4);
            c5 = b.fma(FloatVector.broadcast(S, a[ia + o5]), c5);
            c6 = b.fma(FloatVector.broadcast(S, a[ia + o6]), c6);
            c7 = b.fma(FloatVector.broadcast(S, a[ia + o7]), c7);
            c8 = b.fma(FloatVector.broadcast(S, a[ia + o8]), c8);
            c9 = b.fma(FloatVector.broadcast(S, a[ia + o9]), c9);
            c10 = b.fma(FloatVector.broadcast(S, a[ia + o10]), c10);
            c11 = b.fma(FloatVector.broadcast(S, a[ia + o11]), c11);
            c12 = b.fma(FloatVector.broadcast(S, a[ia + o12]), c12);
            c13 = b.fma(FloatVector.broadcast(S, a[ia + o13]), c13);
            c14 = b.fma(FloatVector.broadcast(S, a[ia + o14]), c14);
            c15 = b.fma(FloatVector.broadcast(S, a[ia + o15]), c15);
        }
        c0.intoArray(scratch, 0);
        c1.intoArray(scratch, 1 * L);
        c2.intoArray(scratch, 2 * L);
        c3.intoArray(scratch, 3 * L);
        c4.intoArray(scratch, 4 * L);
        c5.intoArray(scratch, 5 * L);
        c6.intoArray(scratch, 6 * L);
        c7.intoArray(scratch, 7 * L);
        c8.intoArray(scratch, 8 * L);
        c9.intoArray(scratch, 9 * L);
        c10.intoArray(scratch, 10 * L);
        c11.intoArray(scratch, 11 * L);
        c12.intoArray(scratch, 12 * L);
        c13.intoArray(scratch, 13 * L);
        c14.intoArray(scratch, 14 * L);
        c15.intoArray(scratch, 15 * L);
    }

    /**
     * {@link #narrowTile16} for op(A) = Aᵀ and 16 whole rows: the 16 values of A per depth are contiguous, at constant
     * offsets from one index, where the general tile keeps 15 offsets in registers (x86 has 16).
     */
    private static void narrowTile16Transposed(int kc, float[] a, int aIdx, int lda, float[] pb, int pbOff,
                                               float[] scratch) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        FloatVector c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S);
        FloatVector c7 = FloatVector.zero(S);
        FloatVector c8 = FloatVector.zero(S);
        FloatVector c9 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c13 = FloatVector.zero(S);
        FloatVector c14 = FloatVector.zero(S);
        FloatVector c15 = FloatVector.zero(S);
        for (int p = 0, ia = aIdx, ib = pbOff; p < kc; p++, ia += lda, ib += L) {
            FloatVector b = FloatVector.fromArray(S, pb, ib);
            c0 = b.fma(FloatVector.broadcast(S, a[ia]), c0);
            c1 = b.fma(FloatVector.broadcast(S, a[ia + 1]), c1);
            c2 = b.fma(FloatVector.broadcast(S, a[ia + 2]), c2);
            c3 = b.fma(FloatVector.broadcast(S, a[ia + 3]), c3);
            c4 = b.fma(FloatVector.broadcast(S, a[ia + 4]), c4);
            c5 = b.fma(FloatVector.broadcast(S, a[ia + 5]), c5);
            c6 = b.fma(FloatVector.broadcast(S, a[ia + 6]), c6);
            c7 = b.fma(FloatVector.broadcast(S, a[ia + 7]), c7);
            c8 = b.fma(FloatVector.broadcast(S, a[ia + 8]), c8);
            c9 = b.fma(FloatVector.broadcast(S, a[ia + 9]), c9);
            c10 = b.fma(FloatVector.broadcast(S, a[ia + 10]), c10);
            c11 = b.fma(FloatVector.broadcast(S, a[ia + 11]), c11);
            c12 = b.fma(FloatVector.broadcast(S, a[ia + 12]), c12);
            c13 = b.fma(FloatVector.broadcast(S, a[ia + 13]), c13);
            c14 = b.fma(FloatVector.broadcast(S, a[ia + 14]), c14);
            c15 = b.fma(FloatVector.broadcast(S, a[ia + 15]), c15);
        }
        c0.intoArray(scratch, 0);
        c1.intoArray(scratch, 1 * L);
        c2.intoArray(scratch, 2 * L);
        c3.intoArray(scratch, 3 * L);
        c4.intoArray(scratch, 4 * L);
        c5.intoArray(scratch, 5 * L);
        c6.intoArray(scratch, 6 * L);
        c7.intoArray(scratch, 7 * L);
        c8.intoArray(scratch, 8 * L);
        c9.intoArray(scratch, 9 * L);
        c10.intoArray(scratch, 10 * L);
        c11.intoArray(scratch, 11 * L);
        c12.intoArray(scratch, 12 * L);
        c13.intoArray(scratch, 13 * L);
        c14.intoArray(scratch, 14 * L);
        c15.intoArray(scratch, 15 * L);
    }

    /** 8 rows x one vector, 8 accumulators; A broadcast in place through eight row offsets. */
    private static void narrowTile8(int kc, boolean transA, float[] a, int aIdx, int lda, int rows, float[] pb,
                                    int pbOff, float[] scratch) {
        int rs = transA ? 1 : lda, ps = transA ? lda : 1;
        int last = rows - 1;
        int o1 = Math.min(1, last) * rs;
        int o2 = Math.min(2, last) * rs;
        int o3 = Math.min(3, last) * rs;
        int o4 = Math.min(4, last) * rs;
        int o5 = Math.min(5, last) * rs;
        int o6 = Math.min(6, last) * rs;
        int o7 = Math.min(7, last) * rs;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        FloatVector c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S);
        FloatVector c7 = FloatVector.zero(S);
        for (int p = 0, ia = aIdx, ib = pbOff; p < kc; p++, ia += ps, ib += L) {
            FloatVector b = FloatVector.fromArray(S, pb, ib);
            c0 = b.fma(FloatVector.broadcast(S, a[ia]), c0);
            c1 = b.fma(FloatVector.broadcast(S, a[ia + o1]), c1);
            c2 = b.fma(FloatVector.broadcast(S, a[ia + o2]), c2);
            c3 = b.fma(FloatVector.broadcast(S, a[ia + o3]), c3);
            c4 = b.fma(FloatVector.broadcast(S, a[ia + o4]), c4);
            c5 = b.fma(FloatVector.broadcast(S, a[ia + o5]), c5);
            c6 = b.fma(FloatVector.broadcast(S, a[ia + o6]), c6);
            c7 = b.fma(FloatVector.broadcast(S, a[ia + o7]), c7);
        }
        c0.intoArray(scratch, 0);
        c1.intoArray(scratch, 1 * L);
        c2.intoArray(scratch, 2 * L);
        c3.intoArray(scratch, 3 * L);
        c4.intoArray(scratch, 4 * L);
        c5.intoArray(scratch, 5 * L);
        c6.intoArray(scratch, 6 * L);
        c7.intoArray(scratch, 7 * L);
    }

    /** 5 rows x two vectors, 10 accumulators (the register budget of {@link #tile5}); A broadcast in place. */
    private static void narrowTile5(int kc, boolean transA, float[] a, int aIdx, int lda, int rows, float[] pb,
                                    int pbOff, float[] scratch) {
        int rs = transA ? 1 : lda, ps = transA ? lda : 1;
        int last = rows - 1;
        int o1 = Math.min(1, last) * rs;
        int o2 = Math.min(2, last) * rs;
        int o3 = Math.min(3, last) * rs;
        int o4 = Math.min(4, last) * rs;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        for (int p = 0, ia = aIdx, ib = pbOff; p < kc; p++, ia += ps, ib += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(S, pb, ib);
            FloatVector b1 = FloatVector.fromArray(S, pb, ib + L);
            FloatVector x;
            x = FloatVector.broadcast(S, a[ia]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[ia + o1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[ia + o2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[ia + o3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[ia + o4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
        }
        c00.intoArray(scratch, 0);
        c01.intoArray(scratch, L);
        c10.intoArray(scratch, 2 * L);
        c11.intoArray(scratch, 3 * L);
        c20.intoArray(scratch, 4 * L);
        c21.intoArray(scratch, 5 * L);
        c30.intoArray(scratch, 6 * L);
        c31.intoArray(scratch, 7 * L);
        c40.intoArray(scratch, 8 * L);
        c41.intoArray(scratch, 9 * L);
    }

    /**
     * A transposed takes {@link PackingPanama#packATransposedByPanels} (AVX-512) or
     * {@link PackingPanama#packATransposed}; A not transposed the transpose in registers of
     * {@link TransposePackingPanama} where it exists (16 lanes, MR = 8), else {@link Packing}'s.
     */
    @Override
    public void packA(boolean trans, float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr,
                      float[] pa, int paOff) {
        if (trans && mr == 8 && L == 16) {
            PackingPanama.packATransposedByPanels(a, aOff, lda, row0, rows, p0, kc, pa, paOff);
        } else if (trans && mr <= L) {
            PackingPanama.packATransposed(a, aOff, lda, row0, rows, p0, kc, mr, pa, paOff);
        } else if (!trans && mr == 8 && TransposePackingPanama.AVAILABLE) {
            TransposePackingPanama.packA(a, aOff, lda, row0, rows, p0, kc, pa, paOff);
        } else {
            super.packA(trans, a, aOff, lda, row0, rows, p0, kc, mr, pa, paOff);
        }
    }

    /**
     * B not transposed takes {@link PackingPanama#packPanelPairsB} on AVX-512, {@link PackingPanama#packRowsB} on
     * AVX2; B transposed the transpose in registers of {@link TransposePackingPanama} where it exists (16 lanes,
     * NR = 32), else {@link Packing}'s.
     */
    @Override
    public void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, float[] pb,
                      int pbOff) {
        if (!trans && L == 16) {
            PackingPanama.packPanelPairsB(b, bOff, ldb, p0, kc, col0, cols, NR, pb, pbOff);
        } else if (!trans) {
            PackingPanama.packRowsB(b, bOff, ldb, p0, kc, col0, cols, NR, pb, pbOff);
        } else if (NR == 32 && TransposePackingPanama.AVAILABLE) {
            TransposePackingPanama.packB(b, bOff, ldb, p0, kc, col0, cols, pb, pbOff);
        } else {
            super.packB(trans, b, bOff, ldb, p0, kc, col0, cols, pb, pbOff);
        }
    }

    /**
     * A tile's whole width (NR = 2L columns) with ReLU or no activation, the hidden layers' forward pass: per row,
     * the bias (two vectors loaded once per tile), the pre-activation copy and max(0, v) on the two vectors in
     * registers, one load and one store of C. Other widths and activations take {@link FloatMicroKernel}'s row by
     * row finish, whose bias loop, copy and activation call per row of 32 floats sampled 7 % of the 784-512-512-10
     * training step at batch 256 on Zen 5 (2026-12-01). The same operations in the same order: the same bits.
     */
    @Override
    public void finish(Epilogue e, float[] c, int cOff, int ldc, int rows, int cols, int row, int col) {
        Activation f = e.activation();
        if (cols != NR || (f != Activation.RELU && f != Activation.IDENTITY)) {
            super.finish(e, c, cOff, ldc, rows, cols, row, col);
            return;
        }
        float[] bias = e.bias(), pre = e.pre();
        boolean relu = f == Activation.RELU;
        FloatVector b0 = FloatVector.zero(S), b1 = b0;
        if (bias != null) {
            b0 = FloatVector.fromArray(S, bias, e.biasOffset() + col);
            b1 = FloatVector.fromArray(S, bias, e.biasOffset() + col + L);
        }
        for (int r = 0; r < rows; r++) {
            int ci = cOff + r * ldc;
            FloatVector v0 = FloatVector.fromArray(S, c, ci), v1 = FloatVector.fromArray(S, c, ci + L);
            if (bias != null) {            // adding a zero vector instead would turn −0 into +0
                v0 = v0.add(b0);
                v1 = v1.add(b1);
            }
            if (pre != null) {
                int pi = e.preOffset() + (row + r) * e.ldPre() + col;
                v0.intoArray(pre, pi);
                v1.intoArray(pre, pi + L);
            }
            if (relu) {                    // the compare and blend of ActivationPanama's ReLU: NaN and ±0 as Math.max
                v0 = v0.blend(0f, v0.compare(VectorOperators.LE, 0f));
                v1 = v1.blend(0f, v1.compare(VectorOperators.LE, 0f));
            }
            v0.intoArray(c, ci);
            v1.intoArray(c, ci + L);
        }
    }

    /** For op(B) = B: masked vector loads and stores per depth (row copies of ≤ 2L floats, padded with 0). */
    @Override
    public void packPanel(boolean trans, float[] b, int bOff, int ldb, int k, int cols, int width, float[] pb) {
        if (trans || width > 2 * L) {
            super.packPanel(trans, b, bOff, ldb, k, cols, width, pb);
            return;
        }
        VectorMask<Float> first = S.indexInRange(0, cols), second = S.indexInRange(L, cols);
        for (int p = 0, src = bOff, dst = 0; p < k; p++, src += ldb, dst += width) {
            FloatVector.fromArray(S, b, src, first).intoArray(pb, dst);
            if (width > L) {
                FloatVector.fromArray(S, b, src + L, second).intoArray(pb, dst + L);
            }
        }
    }

    /**
     * C = t·α + β·C row by row, whole vectors then one masked vector: the arithmetic of
     * {@link FloatMicroKernel#addTile} (one multiply, or one fma of β·C), so the same bits.
     */
    @Override
    public void addTile(float[] t, int ldt, float[] c, int cOff, int ldc, int rows, int cols, double alpha,
                        double beta) {
        FloatVector a = FloatVector.broadcast(S, (float) alpha);
        float be = (float) beta;
        int whole = S.loopBound(cols);
        VectorMask<Float> tail = S.indexInRange(whole, cols);
        for (int r = 0, ci = cOff, ti = 0; r < rows; r++, ci += ldc, ti += ldt) {
            for (int j = 0; j < whole; j += L) {
                FloatVector v = FloatVector.fromArray(S, t, ti + j);
                if (be == 0f) {
                    v.mul(a).intoArray(c, ci + j);
                } else {
                    v.fma(a, FloatVector.fromArray(S, c, ci + j).mul(be)).intoArray(c, ci + j);
                }
            }
            if (whole < cols) {
                FloatVector v = FloatVector.fromArray(S, t, ti + whole, tail);
                if (be == 0f) {
                    v.mul(a).intoArray(c, ci + whole, tail);
                } else {
                    v.fma(a, FloatVector.fromArray(S, c, ci + whole, tail).mul(be)).intoArray(c, ci + whole, tail);
                }
            }
        }
    }

    @Override
    void addBias(float[] c, int ci, float[] bias, int bi, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector.fromArray(S, c, ci + j).add(FloatVector.fromArray(S, bias, bi + j)).intoArray(c, ci + j);
        }
        for (; j < n; j++) {
            c[ci + j] += bias[bi + j];
        }
    }
}
