package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.elementwise.ActivationKernels;

/** Float operations shared by both float twins; subclasses supply {@link #tile} (and may vectorise more). */
public abstract class FloatMicroKernel implements MicroKernel<float[]> {
    private final Blocking blocking;
    private final ActivationKernels activations;

    FloatMicroKernel(Blocking blocking, ActivationKernels activations) {
        this.blocking = blocking;
        this.activations = activations;
    }

    @Override
    public final Blocking blocking() {
        return blocking;
    }

    @Override
    public final float[] buffer(Workspace ws, Workspace.Slot slot, int length) {
        return ws.floats(slot, length);
    }

    @Override
    public void packA(boolean trans, float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr,
                      float[] pa, int paOff) {
        Packing.packA(trans, a, aOff, lda, row0, rows, p0, kc, mr, pa, paOff);
    }

    @Override
    public void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, float[] pb,
                      int pbOff) {
        Packing.packB(trans, b, bOff, ldb, p0, kc, col0, cols, blocking.nr(), pb, pbOff);
    }

    @Override
    public void packPanel(boolean trans, float[] b, int bOff, int ldb, int k, int cols, int width, float[] pb) {
        Packing.packB(trans, b, bOff, ldb, 0, k, 0, cols, width, pb, 0);
    }

    @Override
    public final void edge(int kc, int panelRows, float[] pa, int paOff, float[] pb, int pbOff, int ldpb, float[] c,
                           int cOff, int ldc, int rows, int cols, double alpha, double beta, float[] scratch) {
        int nr = blocking.nr();
        if (panelRows == blocking.mr()) {
            tile(kc, pa, paOff, pb, pbOff, ldpb, scratch, 0, nr, 1.0, 0.0);   // raw sums: acc·1 is exact
        } else {
            shortTile(kc, pa, paOff, pb, pbOff, ldpb, scratch, 0, nr, 1.0, 0.0);
        }
        addTile(scratch, nr, c, cOff, ldc, rows, cols, alpha, beta);
    }

    @Override
    public void addTile(float[] t, int ldt, float[] c, int cOff, int ldc, int rows, int cols, double alpha,
                              double beta) {
        float a = (float) alpha, b = (float) beta;
        for (int r = 0; r < rows; r++) {
            for (int j = 0, ci = cOff + r * ldc, ti = r * ldt; j < cols; j++, ci++, ti++) {
                c[ci] = b == 0f ? t[ti] * a : Math.fma(t[ti], a, b * c[ci]);
            }
        }
    }

    /** Depth step by depth step: out is updated row by row of B (contiguous), the same fma per element. */
    @Override
    public void rowBlock(int kc, float[] x, int xIdx, int xStep, float[] b, int bIdx, int ldb, int cols, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0);
        for (int p = 0; p < kc; p++) {
            float a = x[xIdx + p * xStep];
            for (int j = 0, bi = bIdx + p * ldb; j < cols; j++, bi++) {
                out[j] = Math.fma(a, b[bi], out[j]);
            }
        }
    }

    @Override
    public final void transpose(float[] src, int srcOff, int lds, int rows, int cols, float[] dst, int dstOff, int ldd) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0, si = srcOff + i * lds, di = dstOff + i; j < cols; j++, si++, di += ldd) {
                dst[di] = src[si];
            }
        }
    }

    @Override
    public final void scale(float[] c, int cOff, int ldc, int rows, int cols, double beta) {
        float b = (float) beta;
        for (int r = 0; r < rows; r++) {
            for (int j = 0, ci = cOff + r * ldc; j < cols; j++, ci++) {
                c[ci] = b == 0f ? 0f : b * c[ci];
            }
        }
    }

    /**
     * Per row of the finished region: add the bias, keep the pre-activation if asked, then apply the
     * activation in place with this backend's activation kernels (the region is still in L1).
     */
    @Override
    public void finish(Epilogue e, float[] c, int cOff, int ldc, int rows, int cols, int row, int col) {
        float[] bias = e.bias(), pre = e.pre();
        for (int r = 0; r < rows; r++) {
            int ci = cOff + r * ldc;
            if (bias != null) {
                addBias(c, ci, bias, e.biasOffset() + col, cols);
            }
            if (pre != null) {
                System.arraycopy(c, ci, pre, e.preOffset() + (row + r) * e.ldPre() + col, cols);
            }
            activations.forward(e.activation(), e.alpha(), cols, c, ci, c, ci);
        }
    }

    /** c[ci + j] += bias[bi + j] for j in [0, n). */
    void addBias(float[] c, int ci, float[] bias, int bi, int n) {
        for (int j = 0; j < n; j++) {
            c[ci + j] += bias[bi + j];
        }
    }
}
