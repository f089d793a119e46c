package dev.simdnn.core.internal.gemm;

/**
 * The path for a C of one or two vectors of columns (a 10-class output layer: n = 10, one vector of 16 floats on
 * AVX-512, two of 8 on AVX2), in the spirit of BLIS's "sup" kernels. There, each element of op(A) is used for only
 * n outputs, so packing A (the usual ~0.4 ns per element) would cost as much as the arithmetic: the micro-kernel
 * broadcasts A straight from its rows (or columns, for op(A) = Aᵀ), and only B, k x n, is packed once into a
 * panel {@link MicroKernel#narrowWidth} wide, shared by all threads.
 *
 * <pre>
 * for each strip of narrowRows(width) rows (threads split the rows in whole micro-tiles of MR rows)
 *   for pc in 0..K, step KC
 *     acc (rows x width, registers) = Σ_p A[rows, pc + p] ⊗ panel[pc + p]     (A read in place)
 *     C[rows, 0..n) = acc·α + β·C  (β → 1 after the first KC block)
 * </pre>
 *
 * Per element the arithmetic is the packed path's (one fma per depth in order, restarted every KC, then the
 * same α/β update), so results are bitwise equal to the scalar twin's packed path and independent of threads.
 */
final class NarrowDriver {
    private NarrowDriver() {}

    /** Rows [rowBegin, rowEnd) of the call's C; {@code call.packedB} holds the panel. */
    static <A> void run(GemmCall<A> call, Workspace ws, int rowBegin, int rowEnd) {
        MicroKernel<A> mk = call.kernel;
        int width = mk.narrowWidth(call.n), kcMax = mk.blocking().kc(), mr = mk.narrowRows(width);
        A scratch = mk.buffer(ws, Workspace.Slot.EDGE_TILE, mr * width);
        boolean finish = call.epilogue != null && !call.epilogue.isNone();
        for (int i = rowBegin; i < rowEnd; i += mr) {     // the strips GemmCall splits between threads
            int rows = Math.min(mr, rowEnd - i);
            int ci = call.cOff + i * call.ldc;
            for (int pc = 0; pc < call.k; pc += kcMax) {
                int kc = Math.min(kcMax, call.k - pc);
                int aIdx = call.transA ? call.aOff + pc * call.lda + i : call.aOff + i * call.lda + pc;
                mk.narrowTile(kc, call.transA, call.a, aIdx, call.lda, rows, call.packedB, pc * width, width,
                        scratch);
                mk.addTile(scratch, width, call.c, ci, call.ldc, rows, call.n, call.alpha, pc == 0 ? call.beta : 1.0);
            }
            if (finish) {
                mk.finish(call.epilogue, call.c, ci, call.ldc, rows, call.n, i, 0);
            }
        }
    }
}
