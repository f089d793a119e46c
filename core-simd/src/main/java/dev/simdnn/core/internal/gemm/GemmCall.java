package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.WorkerPool;

/**
 * The arguments of one GEMM and how it is split between threads. One instance per thread and precision lives
 * in its {@link Workspace} and is refilled per call; pool workers read the caller's instance.
 *
 * <p>The split is along whichever of M and N has more micro-tiles, in whole tiles, so every part starts
 * on the micro-tile grid: each C element then sees the same packing, kernel and sum order whatever the
 * number of parts, and the result is bitwise identical for any thread count. Split along M (and B packed),
 * the parts share each packed panel of B and take blocks of rows in turn ({@link GemmDriver#runShared});
 * split along N, or with B read in place, each part runs the whole driver on its own columns or rows.
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
    /** Set when the parts share each packed KC x NC panel of B (the caller's buffer): see {@link #plan}. */
    A sharedB;
    /** Rows per block that the parts of a shared call take in turn. */
    int blockRows;

    private static final int MIN_BLOCK_ROWS = 48;

    private final SharedPanelSchedule schedule = new SharedPanelSchedule();
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
        sharedB = null;
        boolean bInPlace = GemmDriver.readsBInPlace(transB, (m + parts - 1) / parts);    // as the split parts would
        if (parts > 1 && splitRows && packedB == null && !bInPlace) {
            sharedB = kernel.buffer(Workspace.current(), Workspace.Slot.PACKED_B,
                    bl.packedCols(Math.min(bl.nc(), n)) * Math.min(bl.kc(), k));
            // About four blocks per part, so that a part slowed down by the machine hands work to the others;
            // at most MC rows (A's block stays in L2), at least MIN_BLOCK_ROWS (each B micro-panel brought in
            // from L3 serves that many rows), in whole micro-tiles.
            int quarter = Math.max(MIN_BLOCK_ROWS, (m + 4 * parts - 1) / (4 * parts));
            blockRows = Math.min(bl.mc(), (quarter + bl.mr() - 1) / bl.mr() * bl.mr());
            schedule.reset(parts);
        }
        return parts;
    }

    @Override
    public void run(int part) {
        if (sharedB != null) {
            try {
                GemmDriver.runShared(this, Workspace.current(), schedule);
            } catch (RuntimeException | Error e) {
                schedule.abort(e);    // the other parts would wait for this one's packing forever
                throw e;
            }
            return;
        }
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
        a = b = c = packedB = sharedB = null;
        epilogue = null;
        kernel = null;
    }
}
