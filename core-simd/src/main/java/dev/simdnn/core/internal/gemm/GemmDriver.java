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
 * runs on each tile after the last KC block, while the tile is still in L1.
 */
final class GemmDriver {
    private GemmDriver() {}

    /** Computes rows [rowBegin, rowEnd) x columns [colBegin, colEnd) of the call's C (K ≥ 1, α ≠ 0). */
    static <A> void run(GemmCall<A> call, Workspace ws, int rowBegin, int rowEnd, int colBegin, int colEnd) {
        MicroKernel<A> mk = call.kernel;
        Blocking bl = mk.blocking();
        int mr = bl.mr(), nr = bl.nr(), shortRows = mk.shortRows();
        int k = call.k;
        int maxKc = Math.min(bl.kc(), k);
        A pa = mk.buffer(ws, Workspace.Slot.PACKED_A, bl.packedRows(Math.min(bl.mc(), rowEnd - rowBegin)) * maxKc);
        A pb = mk.buffer(ws, Workspace.Slot.PACKED_B, bl.packedCols(Math.min(bl.nc(), colEnd - colBegin)) * maxKc);
        A edge = mk.buffer(ws, Workspace.Slot.EDGE_TILE, mr * nr);
        boolean finish = call.epilogue != null && !call.epilogue.isNone();
        // Few rows: each B micro-panel then serves only a few strips of A, and packing B (reading and writing all
        // of it) costs more than the kernel reading B's full-width panels in place, one row of B per depth step
        // (BLIS's "sup" idea). A partial last panel is still packed (zero-padded to NR).
        boolean bInPlace = !call.transB && rowEnd - rowBegin <= GemmTuning.B_IN_PLACE_MAX_ROWS;

        for (int jc = colBegin; jc < colEnd; jc += bl.nc()) {
            int nc = Math.min(bl.nc(), colEnd - jc);
            int fullCols = nc / nr * nr;
            for (int pc = 0; pc < k; pc += bl.kc()) {
                int kc = Math.min(bl.kc(), k - pc);
                double beta = pc == 0 ? call.beta : 1.0;
                boolean lastBlock = pc + kc == k;
                if (!bInPlace) {
                    mk.packB(call.transB, call.b, call.bOff, call.ldb, pc, kc, jc, nc, pb);
                } else if (fullCols < nc) {
                    mk.packB(false, call.b, call.bOff, call.ldb, pc, kc, jc + fullCols, nc - fullCols, pb);
                }
                for (int ic = rowBegin; ic < rowEnd; ic += bl.mc()) {
                    int mc = Math.min(bl.mc(), rowEnd - ic);
                    int shortFrom = mc - bl.shortTileRows(mc, shortRows);   // rows from here on take short tiles
                    mk.packA(call.transA, call.a, call.aOff, call.lda, ic, shortFrom, pc, kc, mr, pa, 0);
                    if (shortFrom < mc) {
                        mk.packA(call.transA, call.a, call.aOff, call.lda, ic + shortFrom, mc - shortFrom, pc, kc,
                                shortRows, pa, shortFrom * kc);
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
                                mk.shortTile(kc, pa, ir * kc, panel, pbOff, ldpb, call.c, ci, call.ldc, call.alpha,
                                        beta);
                            } else {
                                mk.edge(kc, h, pa, ir * kc, panel, pbOff, ldpb, call.c, ci, call.ldc, rows, cols,
                                        call.alpha, beta, edge);
                            }
                            if (lastBlock && finish) {
                                mk.finish(call.epilogue, call.c, ci, call.ldc, rows, cols, ic + ir, jc + jr);
                            }
                        }
                    }
                }
            }
        }
    }
}
