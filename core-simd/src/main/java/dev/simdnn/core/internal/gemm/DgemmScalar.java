package dev.simdnn.core.internal.gemm;

/**
 * Plain-Java double micro-kernel: a 4 x 4 tile in 16 scalar accumulators, one {@link Math#fma} per term in
 * the same order as the Vector API twin, so both give bitwise-equal results (they share KC).
 */
public final class DgemmScalar extends DoubleMicroKernel {
    private static final int MR = 4;
    private static final int NR = 4;

    public DgemmScalar() {
        super(new Blocking(MR, NR, GemmTuning.DGEMM_KC, GemmTuning.DGEMM_MC, GemmTuning.DGEMM_NC));
    }

    @Override
    public void tile(int kc, double[] pa, int paOff, double[] pb, int pbOff, int ldpb, double[] c, int cOff, int ldc,
                     double alpha, double beta) {
        double c00 = 0d, c01 = 0d, c02 = 0d, c03 = 0d;
        double c10 = 0d, c11 = 0d, c12 = 0d, c13 = 0d;
        double c20 = 0d, c21 = 0d, c22 = 0d, c23 = 0d;
        double c30 = 0d, c31 = 0d, c32 = 0d, c33 = 0d;
        for (int p = 0, ia = paOff, ib = pbOff; p < kc; p++, ia += MR, ib += ldpb) {
            double b0 = pb[ib], b1 = pb[ib + 1], b2 = pb[ib + 2], b3 = pb[ib + 3];
            double a;
            a = pa[ia];
            c00 = Math.fma(a, b0, c00); c01 = Math.fma(a, b1, c01); c02 = Math.fma(a, b2, c02); c03 = Math.fma(a, b3, c03);
            a = pa[ia + 1];
            c10 = Math.fma(a, b0, c10); c11 = Math.fma(a, b1, c11); c12 = Math.fma(a, b2, c12); c13 = Math.fma(a, b3, c13);
            a = pa[ia + 2];
            c20 = Math.fma(a, b0, c20); c21 = Math.fma(a, b1, c21); c22 = Math.fma(a, b2, c22); c23 = Math.fma(a, b3, c23);
            a = pa[ia + 3];
            c30 = Math.fma(a, b0, c30); c31 = Math.fma(a, b1, c31); c32 = Math.fma(a, b2, c32); c33 = Math.fma(a, b3, c33);
        }
        double al = alpha, be = beta;
        int i0 = cOff;
        int i1 = cOff + 1 * ldc;
        int i2 = cOff + 2 * ldc;
        int i3 = cOff + 3 * ldc;
        if (be == 0) {
            c[i0 + 0] = c00 * al; c[i0 + 1] = c01 * al; c[i0 + 2] = c02 * al; c[i0 + 3] = c03 * al;
            c[i1 + 0] = c10 * al; c[i1 + 1] = c11 * al; c[i1 + 2] = c12 * al; c[i1 + 3] = c13 * al;
            c[i2 + 0] = c20 * al; c[i2 + 1] = c21 * al; c[i2 + 2] = c22 * al; c[i2 + 3] = c23 * al;
            c[i3 + 0] = c30 * al; c[i3 + 1] = c31 * al; c[i3 + 2] = c32 * al; c[i3 + 3] = c33 * al;
        } else {
            c[i0 + 0] = Math.fma(c00, al, be * c[i0 + 0]);
            c[i0 + 1] = Math.fma(c01, al, be * c[i0 + 1]);
            c[i0 + 2] = Math.fma(c02, al, be * c[i0 + 2]);
            c[i0 + 3] = Math.fma(c03, al, be * c[i0 + 3]);
            c[i1 + 0] = Math.fma(c10, al, be * c[i1 + 0]);
            c[i1 + 1] = Math.fma(c11, al, be * c[i1 + 1]);
            c[i1 + 2] = Math.fma(c12, al, be * c[i1 + 2]);
            c[i1 + 3] = Math.fma(c13, al, be * c[i1 + 3]);
            c[i2 + 0] = Math.fma(c20, al, be * c[i2 + 0]);
            c[i2 + 1] = Math.fma(c21, al, be * c[i2 + 1]);
            c[i2 + 2] = Math.fma(c22, al, be * c[i2 + 2]);
            c[i2 + 3] = Math.fma(c23, al, be * c[i2 + 3]);
            c[i3 + 0] = Math.fma(c30, al, be * c[i3 + 0]);
            c[i3 + 1] = Math.fma(c31, al, be * c[i3 + 1]);
            c[i3 + 2] = Math.fma(c32, al, be * c[i3 + 2]);
            c[i3 + 3] = Math.fma(c33, al, be * c[i3 + 3]);
        }
    }
}
