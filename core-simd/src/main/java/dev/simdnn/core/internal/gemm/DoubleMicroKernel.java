package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;

/** Double operations shared by both double twins; subclasses supply {@link #tile}. */
public abstract class DoubleMicroKernel implements MicroKernel<double[]> {
    private final Blocking blocking;

    DoubleMicroKernel(Blocking blocking) {
        this.blocking = blocking;
    }

    @Override
    public final Blocking blocking() {
        return blocking;
    }

    @Override
    public final double[] buffer(Workspace ws, Workspace.Slot slot, int length) {
        return ws.doubles(slot, length);
    }

    @Override
    public void packA(boolean trans, double[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr,
                      double[] pa, int paOff) {
        Packing.packA(trans, a, aOff, lda, row0, rows, p0, kc, mr, pa, paOff);
    }

    @Override
    public void packB(boolean trans, double[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, double[] pb,
                      int pbOff) {
        Packing.packB(trans, b, bOff, ldb, p0, kc, col0, cols, blocking.nr(), pb, pbOff);
    }

    @Override
    public final void packPanel(boolean trans, double[] b, int bOff, int ldb, int k, int cols, int width, double[] pb) {
        Packing.packB(trans, b, bOff, ldb, 0, k, 0, cols, width, pb, 0);
    }

    @Override
    public final void edge(int kc, int panelRows, double[] pa, int paOff, double[] pb, int pbOff, int ldpb, double[] c,
                           int cOff, int ldc, int rows, int cols, double alpha, double beta, double[] scratch) {
        int nr = blocking.nr();
        if (panelRows == blocking.mr()) {
            tile(kc, pa, paOff, pb, pbOff, ldpb, scratch, 0, nr, 1.0, 0.0);
        } else {
            shortTile(kc, pa, paOff, pb, pbOff, ldpb, scratch, 0, nr, 1.0, 0.0);
        }
        addTile(scratch, nr, c, cOff, ldc, rows, cols, alpha, beta);
    }

    @Override
    public final void addTile(double[] t, int ldt, double[] c, int cOff, int ldc, int rows, int cols, double alpha,
                              double beta) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0, ci = cOff + r * ldc, ti = r * ldt; j < cols; j++, ci++, ti++) {
                c[ci] = beta == 0 ? t[ti] * alpha : Math.fma(t[ti], alpha, beta * c[ci]);
            }
        }
    }

    /** Depth step by depth step: out is updated row by row of B (contiguous), the same fma per element. */
    @Override
    public void rowBlock(int kc, double[] x, int xIdx, int xStep, double[] b, int bIdx, int ldb, int cols, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0);
        for (int p = 0; p < kc; p++) {
            double a = x[xIdx + p * xStep];
            for (int j = 0, bi = bIdx + p * ldb; j < cols; j++, bi++) {
                out[j] = Math.fma(a, b[bi], out[j]);
            }
        }
    }

    @Override
    public final void transpose(double[] src, int srcOff, int lds, int rows, int cols, double[] dst, int dstOff, int ldd) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0, si = srcOff + i * lds, di = dstOff + i; j < cols; j++, si++, di += ldd) {
                dst[di] = src[si];
            }
        }
    }

    @Override
    public final void scale(double[] c, int cOff, int ldc, int rows, int cols, double beta) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0, ci = cOff + r * ldc; j < cols; j++, ci++) {
                c[ci] = beta == 0 ? 0 : beta * c[ci];
            }
        }
    }

    /** Double GEMM has no fused epilogue: the facade accepts only {@link Epilogue#NONE} for it. */
    @Override
    public final void finish(Epilogue e, double[] c, int cOff, int ldc, int rows, int cols, int row, int col) {
        throw new UnsupportedOperationException("double GEMM has no fused epilogue");
    }
}
