package dev.simdnn.core.internal.gemm;

/**
 * The five loops of BLIS around a micro-kernel, written once for every precision and backend:
 *
 * <pre>
 * for jc in cols, step NC            5th loop: a KC x NC panel of B at a time (L3)
 *   for pc in 0..K, step KC          4th loop: pack B[pc.., jc..] into micro-panels of NR columns
 *                                    (or, for few rows of A and B not transposed, read B's panels in place)
 *     for ic in rows, step MC        3rd loop: pack A[ic.., pc..] into micro-panels of MR rows (L2)
 *       for jr in 0..nc, step NR     2nd loop: one KC x NR micro-panel of B (L1)
 *         for ir in 0..mc, step MR   1st loop: one MR x KC micro-panel of A (the last ones may be short tiles:
 *                                    MicroKernel.shortRows)
 *           micro-kernel: C[ic+ir.., jc+jr..] (MR x NR, in registers) = α·A·B + β·C
 * </pre>
 *
 * β applies on the first KC block only (later blocks add to C with β = 1); the epilogue (bias, activation)
 * runs on each tile after the last KC block, while the tile is still in L1. On several threads the 3rd loop is
 * the one shared out ({@link #runShared}), or each thread runs all five loops on its own columns ({@link #run}).
 */
final class GemmDriver {
    /** Micro-panels of B packed per turn by the parts of a shared call ({@link #runShared}). */
    private static final int PANELS_PER_GROUP = 4;

    private GemmDriver() {}

    /** Computes rows [rowBegin, rowEnd) x columns [colBegin, colEnd) of the call's C (K ≥ 1, α ≠ 0). */
    static <A> void run(GemmCall<A> call, Workspace ws, int rowBegin, int rowEnd, int colBegin, int colEnd) {
        MicroKernel<A> mk = call.kernel;
        Blocking bl = mk.blocking();
        int nr = bl.nr();
        int k = call.k;
        int maxKc = Math.min(bl.kc(), k);
        A pa = mk.buffer(ws, Workspace.Slot.PACKED_A, bl.packedRows(Math.min(bl.mc(), rowEnd - rowBegin)) * maxKc);
        A pb = mk.buffer(ws, Workspace.Slot.PACKED_B, bl.packedCols(Math.min(bl.nc(), colEnd - colBegin)) * maxKc);
        A edge = mk.buffer(ws, Workspace.Slot.EDGE_TILE, bl.mr() * nr);
        boolean bInPlace = readsBInPlace(call.transB, rowEnd - rowBegin);

        for (int jc = colBegin; jc < colEnd; jc += bl.nc()) {
            int nc = Math.min(bl.nc(), colEnd - jc);
            int fullCols = nc / nr * nr;
            for (int pc = 0; pc < k; pc += bl.kc()) {
                int kc = Math.min(bl.kc(), k - pc);
                if (!bInPlace) {
                    mk.packB(call.transB, call.b, call.bOff, call.ldb, pc, kc, jc, nc, pb, 0);
                } else if (fullCols < nc) {
                    mk.packB(false, call.b, call.bOff, call.ldb, pc, kc, jc + fullCols, nc - fullCols, pb, 0);
                }
                for (int ic = rowBegin; ic < rowEnd; ic += bl.mc()) {
                    rowBlock(call, ic, Math.min(bl.mc(), rowEnd - ic), jc, nc, pc, kc, pa, pb, bInPlace, edge);
                }
            }
        }
    }

    /**
     * Whether {@link #run} reads B's full-width panels in place for {@code rows} rows of C. Few rows: each B
     * micro-panel then serves only a few strips of A, and packing B (reading and writing all of it) costs more than
     * the kernel reading B in place, one row of B per depth step (BLIS's "sup" idea). A partial last panel is still
     * packed (zero-padded to NR).
     */
    static boolean readsBInPlace(boolean transB, int rows) {
        return !transB && rows <= GemmTuning.B_IN_PLACE_MAX_ROWS;
    }

    /**
     * All of C on several threads that share each packed panel of B, as BLIS and OpenBLAS do, instead of a part of
     * the rows each, which packed all of B on every thread (each part calls this, on its own thread). For each
     * KC x NC panel: the parts take groups of {@link #PANELS_PER_GROUP} micro-panels to pack into the caller's buffer
     * ({@link GemmCall#sharedB}); once all are packed, they take blocks of {@link GemmCall#blockRows} rows, packing
     * each block of A into their own buffer; before the next panel is packed over, every part must be done with this
     * one ({@link SharedPanelSchedule}). B is packed once instead of once per thread, and a thread that the machine
     * slows down, or that starts late, takes fewer blocks.
     */
    static <A> void runShared(GemmCall<A> call, Workspace ws, SharedPanelSchedule schedule) {
        MicroKernel<A> mk = call.kernel;
        Blocking bl = mk.blocking();
        int nr = bl.nr(), k = call.k, blockRows = call.blockRows;
        A pa = mk.buffer(ws, Workspace.Slot.PACKED_A, bl.packedRows(blockRows) * Math.min(bl.kc(), k));
        A edge = mk.buffer(ws, Workspace.Slot.EDGE_TILE, bl.mr() * nr);
        A pb = call.sharedB;
        int blocks = (call.m + blockRows - 1) / blockRows;
        int q = 0, firstGroup = 0;                   // the panel's number within the call, groups before it
        for (int jc = 0; jc < call.n; jc += bl.nc()) {
            int nc = Math.min(bl.nc(), call.n - jc);
            int panels = (nc + nr - 1) / nr;
            int groups = (panels + PANELS_PER_GROUP - 1) / PANELS_PER_GROUP;
            for (int pc = 0; pc < k; pc += bl.kc(), q++, firstGroup += groups) {
                int kc = Math.min(bl.kc(), k - pc);
                if (q > 0) {
                    schedule.awaitFinished(q - 1);   // nobody still reads the panel packed over now
                }
                for (int g = schedule.takeGroup(firstGroup, groups); g >= 0;
                     g = schedule.takeGroup(firstGroup, groups)) {
                    int col = g * PANELS_PER_GROUP * nr;
                    mk.packB(call.transB, call.b, call.bOff, call.ldb, pc, kc, jc + col,
                            Math.min(nc - col, PANELS_PER_GROUP * nr), pb, col * kc);
                    schedule.groupPacked();
                }
                schedule.awaitPacked(firstGroup, groups);
                for (int blk = schedule.takeBlock(q, blocks); blk >= 0; blk = schedule.takeBlock(q, blocks)) {
                    int ic = blk * blockRows;
                    rowBlock(call, ic, Math.min(blockRows, call.m - ic), jc, nc, pc, kc, pa, pb, false, edge);
                }
                schedule.finished();
            }
        }
    }

    /**
     * Rows [ic, ic + mc) of C against one packed KC x NC panel of B (or B read in place): packs that block of A,
     * then runs the 2nd and 1st loops. β applies on the first KC block only; the epilogue runs after the last.
     */
    private static <A> void rowBlock(GemmCall<A> call, int ic, int mc, int jc, int nc, int pc, int kc, A pa, A pb,
                                     boolean bInPlace, A edge) {
        MicroKernel<A> mk = call.kernel;
        Blocking bl = mk.blocking();
        int mr = bl.mr(), nr = bl.nr(), shortRows = mk.shortRows();
        double beta = pc == 0 ? call.beta : 1.0;
        boolean finish = pc + kc == call.k && call.epilogue != null && !call.epilogue.isNone();
        int shortFrom = mc - bl.shortTileRows(mc, shortRows);   // rows from here on take short tiles
        mk.packA(call.transA, call.a, call.aOff, call.lda, ic, shortFrom, pc, kc, mr, pa, 0);
        if (shortFrom < mc) {
            mk.packA(call.transA, call.a, call.aOff, call.lda, ic + shortFrom, mc - shortFrom, pc, kc, shortRows, pa,
                    shortFrom * kc);
        }
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            A panel = pb;
            int pbOff = jr * kc, ldpb = nr;
            if (bInPlace && cols == nr) {
                panel = call.b;
                pbOff = call.bOff + pc * call.ldb + jc + jr;
                ldpb = call.ldb;
            } else if (bInPlace) {
                pbOff = 0;
            }
            for (int ir = 0, h; ir < mc; ir += h) {
                h = ir < shortFrom ? mr : shortRows;         // a panel of h rows starts at pa[ir·kc]
                int rows = Math.min(h, mc - ir);
                int ci = call.cOff + (ic + ir) * call.ldc + jc + jr;
                if (rows == mr && cols == nr) {
                    mk.tile(kc, pa, ir * kc, panel, pbOff, ldpb, call.c, ci, call.ldc, call.alpha, beta);
                } else if (rows == h && cols == nr) {
                    mk.shortTile(kc, pa, ir * kc, panel, pbOff, ldpb, call.c, ci, call.ldc, call.alpha, beta);
                } else {
                    mk.edge(kc, h, pa, ir * kc, panel, pbOff, ldpb, call.c, ci, call.ldc, rows, cols, call.alpha, beta,
                            edge);
                }
                if (finish) {
                    mk.finish(call.epilogue, call.c, ci, call.ldc, rows, cols, ic + ir, jc + jr);
                }
            }
        }
    }
}
