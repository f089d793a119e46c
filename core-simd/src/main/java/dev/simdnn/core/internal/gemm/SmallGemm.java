package dev.simdnn.core.internal.gemm;

/**
 * Tiny products without packing: when m·n·k is below {@link GemmTuning#SMALL_MAX_MACS}, copying operands
 * into panels costs more than the arithmetic. Same arithmetic as the packed path (one fma per term in
 * increasing p, restarted every KC; then {@code acc·α + β·C}), so it agrees with it bitwise.
 */
final class SmallGemm {
    private SmallGemm() {}

    /** Runs the call if it is small enough and returns true; returns false to fall through to packing. */
    static boolean trySgemm(GemmCall<float[]> call, int kc) {
        if ((long) call.m * call.n * call.k > GemmTuning.SMALL_MAX_MACS) {
            return false;
        }
        float[] a = call.a, b = call.b, c = call.c;
        float alpha = (float) call.alpha;
        for (int i = 0; i < call.m; i++) {
            for (int j = 0; j < call.n; j++) {
                int ci = call.cOff + i * call.ldc + j;
                for (int p0 = 0; p0 < call.k; p0 += kc) {
                    float beta = p0 == 0 ? (float) call.beta : 1f;
                    float acc = 0f;
                    for (int p = p0, end = Math.min(call.k, p0 + kc); p < end; p++) {
                        float x = call.transA ? a[call.aOff + p * call.lda + i] : a[call.aOff + i * call.lda + p];
                        float y = call.transB ? b[call.bOff + j * call.ldb + p] : b[call.bOff + p * call.ldb + j];
                        acc = Math.fma(x, y, acc);
                    }
                    c[ci] = beta == 0f ? acc * alpha : Math.fma(acc, alpha, beta * c[ci]);
                }
            }
        }
        if (call.epilogue != null && !call.epilogue.isNone()) {
            call.kernel.finish(call.epilogue, c, call.cOff, call.ldc, call.m, call.n, 0, 0);
        }
        return true;
    }

    /** Double twin of {@link #trySgemm}. */
    static boolean tryDgemm(GemmCall<double[]> call, int kc) {
        if ((long) call.m * call.n * call.k > GemmTuning.SMALL_MAX_MACS) {
            return false;
        }
        double[] a = call.a, b = call.b, c = call.c;
        for (int i = 0; i < call.m; i++) {
            for (int j = 0; j < call.n; j++) {
                int ci = call.cOff + i * call.ldc + j;
                for (int p0 = 0; p0 < call.k; p0 += kc) {
                    double beta = p0 == 0 ? call.beta : 1;
                    double acc = 0;
                    for (int p = p0, end = Math.min(call.k, p0 + kc); p < end; p++) {
                        double x = call.transA ? a[call.aOff + p * call.lda + i] : a[call.aOff + i * call.lda + p];
                        double y = call.transB ? b[call.bOff + j * call.ldb + p] : b[call.bOff + p * call.ldb + j];
                        acc = Math.fma(x, y, acc);
                    }
                    c[ci] = beta == 0 ? acc * call.alpha : Math.fma(acc, call.alpha, beta * c[ci]);
                }
            }
        }
        return true;
    }
}
