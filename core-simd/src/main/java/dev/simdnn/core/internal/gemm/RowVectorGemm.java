package dev.simdnn.core.internal.gemm;

/**
 * A product with one row, {@code C (1 x n) = α·op(A)·B + β·C} with B not transposed: the batch-1 inference of a
 * Dense layer. Packing B and running 8-row tiles would copy all of B and waste 7 of every 8 rows; here B is
 * streamed once, each depth step adding {@code a_p·B[p][:]} into the accumulator row (no reduction across
 * lanes).
 *
 * <p>Every C element gets the arithmetic of the packed path (one fma per depth step in increasing p, restarted
 * every KC, then {@code acc·α + β·C} by one fma), so the result is bitwise the same as when the row is part of a
 * larger batch, and on both backends. Runs on the calling thread: the work is one pass over B. The Vector API
 * kernel streams B four rows at a time into the L1-resident output row ({@link MicroKernel#rowBlock}).
 */
final class RowVectorGemm {
    private RowVectorGemm() {}

    /** Runs the call if it has one row and B is not transposed; returns false otherwise. */
    static <A> boolean tryRun(GemmCall<A> call, Workspace ws) {
        if (call.m != 1 || call.transB) {
            return false;
        }
        MicroKernel<A> kernel = call.kernel;
        int n = call.n, kc = kernel.blocking().kc();
        A acc = kernel.buffer(ws, Workspace.Slot.ROW_ACCUMULATOR, n);
        int aStep = call.transA ? call.lda : 1;                 // op(A) is 1 x k: a column of A when transposed
        for (int p0 = 0; p0 < call.k; p0 += kc) {
            kernel.rowBlock(Math.min(kc, call.k - p0), call.a, call.aOff + p0 * aStep, aStep, call.b,
                    call.bOff + p0 * call.ldb, call.ldb, n, acc);
            kernel.addTile(acc, n, call.c, call.cOff, call.ldc, 1, n, call.alpha, p0 == 0 ? call.beta : 1.0);
        }
        if (call.epilogue != null && !call.epilogue.isNone()) {
            kernel.finish(call.epilogue, call.c, call.cOff, call.ldc, 1, n, 0, 0);
        }
        return true;
    }
}
