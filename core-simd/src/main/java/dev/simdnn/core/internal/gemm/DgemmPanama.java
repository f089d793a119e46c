package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API double micro-kernel: an MR x 2L outer-product tile (L = lanes of the preferred species): 8 x 16 with
 * 16 vector accumulators on AVX-512, 5 x 8 with 10 on AVX2 (16 registers; see {@link #MR}). Per depth step: two
 * vector loads of packed B, MR broadcasts of packed A, 2·MR fused multiply-adds. Written out by hand on purpose,
 * the α/β update of every accumulator too: accumulators in arrays or helper methods taking vectors get boxed, and more
 * than 16 accumulators exceed C2's inlining budget (both measured 6-25x slower). On 2026-12-01 the update as one
 * small helper, called per accumulator, was inlined into the float tiles but not into DGEMM's: 5 MB allocated per
 * 512³ call.
 */
public final class DgemmPanama extends DoubleMicroKernel {
    private static final VectorSpecies<Double> S = PanamaSpecies.DOUBLE;
    private static final int L = S.length();
    /**
     * Rows of the tile: 8 where the register file has 32 vectors (512-bit species: AVX-512), 5 where it has 16
     * (AVX2). 16 accumulators on 16 registers spilled six of them to the stack, and each spilled accumulator's
     * store-to-load forwarding sat in its fma chain; 10 accumulators, two B vectors and the broadcasts fit.
     */
    private static final int MR = S.vectorBitSize() >= 512 ? 8 : 5;
    private static final int NR = 2 * L;

    public DgemmPanama() {
        super(new Blocking(MR, NR, GemmTuning.DGEMM_KC, GemmTuning.DGEMM_MC / MR * MR, GemmTuning.DGEMM_NC));
    }

    /** The row-vector path's block, B streamed four rows at a time as in {@link SgemmPanama#rowBlock}. */
    @Override
    public void rowBlock(int kc, double[] x, int xIdx, int xStep, double[] b, int bIdx, int ldb, int cols,
                         double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        int whole = S.loopBound(cols);
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            int xi = xIdx + p * xStep, b0 = bIdx + p * ldb;
            DoubleVector x0 = DoubleVector.broadcast(S, x[xi]);
            DoubleVector x1 = DoubleVector.broadcast(S, x[xi + xStep]);
            DoubleVector x2 = DoubleVector.broadcast(S, x[xi + 2 * xStep]);
            DoubleVector x3 = DoubleVector.broadcast(S, x[xi + 3 * xStep]);
            for (int j = 0, bj = b0; j < whole; j += L, bj += L) {
                DoubleVector acc = DoubleVector.fromArray(S, out, j);
                acc = DoubleVector.fromArray(S, b, bj).fma(x0, acc);
                acc = DoubleVector.fromArray(S, b, bj + ldb).fma(x1, acc);
                acc = DoubleVector.fromArray(S, b, bj + 2 * ldb).fma(x2, acc);
                acc = DoubleVector.fromArray(S, b, bj + 3 * ldb).fma(x3, acc);
                acc.intoArray(out, j);
            }
        }
        for (; p < kc; p++) {
            int bi = bIdx + p * ldb;
            DoubleVector xp = DoubleVector.broadcast(S, x[xIdx + p * xStep]);
            for (int j = 0; j < whole; j += L) {
                DoubleVector.fromArray(S, b, bi + j).fma(xp, DoubleVector.fromArray(S, out, j)).intoArray(out, j);
            }
        }
        for (int j = whole; j < cols; j++) {
            double acc = 0;
            for (int q = 0, xi = xIdx, bi = bIdx + j; q < kc; q++, xi += xStep, bi += ldb) {
                acc = Math.fma(x[xi], b[bi], acc);
            }
            out[j] = acc;
        }
    }

    /**
     * B not transposed takes {@link PackingPanama}'s vector copies, two micro-panels at a time on AVX-512, row after
     * row on AVX2; the strided transpose stays {@link Packing}'s.
     */
    @Override
    public void packB(boolean trans, double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, double[] pb,
                      int pbOff) {
        if (!trans && S.vectorBitSize() >= 512) {
            PackingPanama.packPanelPairsB(b, bOff, ldb, p0, kc, col0, cols, NR, pb, pbOff);
        } else if (!trans) {
            PackingPanama.packRowsB(b, bOff, ldb, p0, kc, col0, cols, NR, pb, pbOff);
        } else {
            super.packB(trans, b, bOff, ldb, p0, kc, col0, cols, pb, pbOff);
        }
    }

    @Override
    public void tile(int kc, double[] pa, int paOff, double[] pb, int pbOff, int ldpb, double[] c, int cOff, int ldc,
                     double alpha, double beta) {
        if (MR == 5) {     // a constant: C2 compiles only one of the two calls
            tile5(kc, pa, paOff, pb, pbOff, ldpb, c, cOff, ldc, alpha, beta);
        } else {
            tile8(kc, pa, paOff, pb, pbOff, ldpb, c, cOff, ldc, alpha, beta);
        }
    }

    /** The 5 x 2L tile (10 accumulators) for 16-register machines; see the class comment. */
    private static void tile5(int kc, double[] pa, int paOff, double[] pb, int pbOff, int ldpb, double[] c, int cOff,
                              int ldc, double alpha, double beta) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += 5, ib += ldpb) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, ib);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, ib + L);
            DoubleVector a;
            a = DoubleVector.broadcast(S, pa[ia]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = DoubleVector.broadcast(S, pa[ia + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = DoubleVector.broadcast(S, pa[ia + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = DoubleVector.broadcast(S, pa[ia + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = DoubleVector.broadcast(S, pa[ia + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
        }
        DoubleVector av = DoubleVector.broadcast(S, alpha);
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
            DoubleVector bv = DoubleVector.broadcast(S, beta);
            c00.fma(av, DoubleVector.fromArray(S, c, cOff).mul(bv)).intoArray(c, cOff);
            c01.fma(av, DoubleVector.fromArray(S, c, cOff + L).mul(bv)).intoArray(c, cOff + L);
            c10.fma(av, DoubleVector.fromArray(S, c, cOff + 1 * ldc).mul(bv)).intoArray(c, cOff + 1 * ldc);
            c11.fma(av, DoubleVector.fromArray(S, c, cOff + 1 * ldc + L).mul(bv)).intoArray(c, cOff + 1 * ldc + L);
            c20.fma(av, DoubleVector.fromArray(S, c, cOff + 2 * ldc).mul(bv)).intoArray(c, cOff + 2 * ldc);
            c21.fma(av, DoubleVector.fromArray(S, c, cOff + 2 * ldc + L).mul(bv)).intoArray(c, cOff + 2 * ldc + L);
            c30.fma(av, DoubleVector.fromArray(S, c, cOff + 3 * ldc).mul(bv)).intoArray(c, cOff + 3 * ldc);
            c31.fma(av, DoubleVector.fromArray(S, c, cOff + 3 * ldc + L).mul(bv)).intoArray(c, cOff + 3 * ldc + L);
            c40.fma(av, DoubleVector.fromArray(S, c, cOff + 4 * ldc).mul(bv)).intoArray(c, cOff + 4 * ldc);
            c41.fma(av, DoubleVector.fromArray(S, c, cOff + 4 * ldc + L).mul(bv)).intoArray(c, cOff + 4 * ldc + L);
        }
    }
    /** The 8 x 2L tile (16 accumulators) for 32-register machines. */
    private static void tile8(int kc, double[] pa, int paOff, double[] pb, int pbOff, int ldpb, double[] c, int cOff,
                              int ldc, double alpha, double beta) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S), c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S), c71 = DoubleVector.zero(S);
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += 8, ib += ldpb) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, ib);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, ib + L);
            DoubleVector a;
            a = DoubleVector.broadcast(S, pa[ia]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = DoubleVector.broadcast(S, pa[ia + 1]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = DoubleVector.broadcast(S, pa[ia + 2]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = DoubleVector.broadcast(S, pa[ia + 3]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
            a = DoubleVector.broadcast(S, pa[ia + 4]);
            c40 = b0.fma(a, c40);
            c41 = b1.fma(a, c41);
            a = DoubleVector.broadcast(S, pa[ia + 5]);
            c50 = b0.fma(a, c50);
            c51 = b1.fma(a, c51);
            a = DoubleVector.broadcast(S, pa[ia + 6]);
            c60 = b0.fma(a, c60);
            c61 = b1.fma(a, c61);
            a = DoubleVector.broadcast(S, pa[ia + 7]);
            c70 = b0.fma(a, c70);
            c71 = b1.fma(a, c71);
        }
        DoubleVector av = DoubleVector.broadcast(S, alpha);
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
            DoubleVector bv = DoubleVector.broadcast(S, beta);
            c00.fma(av, DoubleVector.fromArray(S, c, cOff).mul(bv)).intoArray(c, cOff);
            c01.fma(av, DoubleVector.fromArray(S, c, cOff + L).mul(bv)).intoArray(c, cOff + L);
            c10.fma(av, DoubleVector.fromArray(S, c, cOff + 1 * ldc).mul(bv)).intoArray(c, cOff + 1 * ldc);
            c11.fma(av, DoubleVector.fromArray(S, c, cOff + 1 * ldc + L).mul(bv)).intoArray(c, cOff + 1 * ldc + L);
            c20.fma(av, DoubleVector.fromArray(S, c, cOff + 2 * ldc).mul(bv)).intoArray(c, cOff + 2 * ldc);
            c21.fma(av, DoubleVector.fromArray(S, c, cOff + 2 * ldc + L).mul(bv)).intoArray(c, cOff + 2 * ldc + L);
            c30.fma(av, DoubleVector.fromArray(S, c, cOff + 3 * ldc).mul(bv)).intoArray(c, cOff + 3 * ldc);
            c31.fma(av, DoubleVector.fromArray(S, c, cOff + 3 * ldc + L).mul(bv)).intoArray(c, cOff + 3 * ldc + L);
            c40.fma(av, DoubleVector.fromArray(S, c, cOff + 4 * ldc).mul(bv)).intoArray(c, cOff + 4 * ldc);
            c41.fma(av, DoubleVector.fromArray(S, c, cOff + 4 * ldc + L).mul(bv)).intoArray(c, cOff + 4 * ldc + L);
            c50.fma(av, DoubleVector.fromArray(S, c, cOff + 5 * ldc).mul(bv)).intoArray(c, cOff + 5 * ldc);
            c51.fma(av, DoubleVector.fromArray(S, c, cOff + 5 * ldc + L).mul(bv)).intoArray(c, cOff + 5 * ldc + L);
            c60.fma(av, DoubleVector.fromArray(S, c, cOff + 6 * ldc).mul(bv)).intoArray(c, cOff + 6 * ldc);
            c61.fma(av, DoubleVector.fromArray(S, c, cOff + 6 * ldc + L).mul(bv)).intoArray(c, cOff + 6 * ldc + L);
            c70.fma(av, DoubleVector.fromArray(S, c, cOff + 7 * ldc).mul(bv)).intoArray(c, cOff + 7 * ldc);
            c71.fma(av, DoubleVector.fromArray(S, c, cOff + 7 * ldc + L).mul(bv)).intoArray(c, cOff + 7 * ldc + L);
        }
    }
}
