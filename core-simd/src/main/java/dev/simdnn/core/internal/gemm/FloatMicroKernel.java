package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Epilogue;

/** Float operations shared by both float twins; subclasses supply {@link #tile} (and may vectorise more). */
public abstract class FloatMicroKernel implements MicroKernel<float[]> {
    private final Blocking blocking;

    FloatMicroKernel(Blocking blocking) {
        this.blocking = blocking;
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
    public void packA(boolean trans, float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, float[] pa) {
        Packing.packA(trans, a, aOff, lda, row0, rows, p0, kc, blocking.mr(), pa);
    }

    @Override
    public void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, float[] pb) {
        Packing.packB(trans, b, bOff, ldb, p0, kc, col0, cols, blocking.nr(), pb);
    }

    @Override
    public final void edge(int kc, float[] pa, int paOff, float[] pb, int pbOff, float[] c, int cOff, int ldc,
                           int rows, int cols, double alpha, double beta, float[] scratch) {
        int nr = blocking.nr();
        tile(kc, pa, paOff, pb, pbOff, scratch, 0, nr, 1.0, 0.0);   // raw sums: acc·1 is exact
        float a = (float) alpha, b = (float) beta;
        for (int r = 0; r < rows; r++) {
            for (int j = 0, ci = cOff + r * ldc, si = r * nr; j < cols; j++, ci++, si++) {
                c[ci] = b == 0f ? scratch[si] * a : Math.fma(scratch[si], a, b * c[ci]);
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

    @Override
    public void finish(Epilogue e, float[] c, int cOff, int ldc, int rows, int cols, int row, int col) {
        float[] bias = e.bias(), pre = e.pre();
        boolean relu = e.activation() == Activation.RELU;
        for (int r = 0; r < rows; r++) {
            int ci = cOff + r * ldc;
            int pi = pre == null ? 0 : e.preOffset() + (row + r) * e.ldPre() + col;
            for (int j = 0; j < cols; j++) {
                float v = bias == null ? c[ci + j] : c[ci + j] + bias[e.biasOffset() + col + j];
                if (pre != null) {
                    pre[pi + j] = v;
                }
                c[ci + j] = relu ? Math.max(0f, v) : v;
            }
        }
    }
}
