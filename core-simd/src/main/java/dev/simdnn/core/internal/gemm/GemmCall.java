package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.WorkerPool;

/**
 * The arguments of one GEMM and how it is split between threads. One instance per thread and precision lives
 * in its {@link Workspace} and is refilled per call; pool workers read the caller's instance.
 *
 * <p>The split is along whichever of M and N has more micro-tiles, in whole tiles, so every part starts
 * on the micro-tile grid: each C element then sees the same packing, kernel and sum order whatever the
 * number of parts, and the result is bitwise identical for any thread count.
 */
final class GemmCall<A> implements WorkerPool.Task {
    MicroKernel<A> kernel;
    boolean transA, transB;
    int m, n, k;
    double alpha, beta;
    A a, b, c;
    int aOff, lda, bOff, ldb, cOff, ldc;
    Epilogue epilogue;
    /** Set for the narrow path ({@link NarrowDriver}): op(B) packed into one panel, shared by all parts. */
    A packedB;

    private boolean splitRows;
    private int tiles;
    private int parts;

    /** Number of parts for {@code threads} threads: 1 for small problems or a single tile. */
    int plan(int threads) {
        Blocking bl = kernel.blocking();
        int rowTiles = (m + bl.mr() - 1) / bl.mr();
        int colTiles = (n + bl.nr() - 1) / bl.nr();
        splitRows = packedB != null || rowTiles > colTiles;     // the narrow path has one column of tiles
        tiles = splitRows ? rowTiles : colTiles;
        long macs = (long) m * n * k;
        parts = threads <= 1 || macs < GemmTuning.PARALLEL_MIN_MACS ? 1 : Math.min(threads, tiles);
        return parts;
    }

    @Override
    public void run(int part) {
        Blocking bl = kernel.blocking();
        int first = (int) ((long) tiles * part / parts);
        int last = (int) ((long) tiles * (part + 1) / parts);
        if (packedB != null) {
            NarrowDriver.run(this, Workspace.current(), first * bl.mr(), Math.min(last * bl.mr(), m));
        } else if (splitRows) {
            GemmDriver.run(this, Workspace.current(), first * bl.mr(), Math.min(last * bl.mr(), m), 0, n);
        } else {
            GemmDriver.run(this, Workspace.current(), 0, m, first * bl.nr(), Math.min(last * bl.nr(), n));
        }
    }

    /** Drops the references to the caller's arrays, so a finished call keeps nothing alive. */
    void clear() {
        a = b = c = packedB = null;
        epilogue = null;
        kernel = null;
    }
}
