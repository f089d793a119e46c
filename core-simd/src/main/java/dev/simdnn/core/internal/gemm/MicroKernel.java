package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;

/**
 * One precision's register-blocked micro-kernel and the operations around it that {@link GemmDriver} calls.
 * {@code A} is {@code float[]} or {@code double[]}.
 *
 * <p>Every C element is accumulated in the same order by every implementation: one fused multiply-add per
 * depth step p, in increasing p, within each KC block; then {@code C = acc·α + β·C} by one more fma (or
 * {@code acc·α} when β = 0, which never reads C). The scalar and Vector API twins therefore produce
 * bitwise-equal results as long as they share KC.
 */
public interface MicroKernel<A> {
    /** Register and cache blocks of this kernel. */
    Blocking blocking();

    /** A scratch array of this precision from the thread's workspace. */
    A buffer(Workspace ws, Workspace.Slot slot, int length);

    /** See {@link Packing#packA}: micro-panels of {@code mr} rows (MR or {@link #shortRows}) from {@code pa[paOff]}. */
    void packA(boolean trans, A a, int aOff, int lda, int row0, int rows, int p0, int kc, int mr, A pa, int paOff);

    /** See {@link Packing#packB}: micro-panels of NR columns from {@code pb[pbOff]} on. */
    void packB(boolean trans, A b, int bOff, int ldb, int p0, int kc, int col0, int cols, A pb, int pbOff);

    /**
     * The full MR x NR tile at {@code c[cOff]}: {@code C = α·Σ_p pa·pb + β·C}; {@code β == 0} does not read C.
     * Depth step p of the B panel is at {@code pb[pbOff + p·ldpb]}: {@code ldpb = NR} for a packed micro-panel,
     * B's own leading dimension when the panel is read in place (see {@link GemmDriver}).
     */
    void tile(int kc, A pa, int paOff, A pb, int pbOff, int ldpb, A c, int cOff, int ldc, double alpha, double beta);

    /**
     * Rows of this kernel's second, shorter tile ({@link #shortTile}), or 0 when it has none. A block of rows that
     * is not a multiple of MR ends in short tiles where it can be written as a·MR + b·shortRows ({@link
     * Blocking#shortTileRows}), instead of a last tile padded with zero rows: on AVX2 (MR = 5) a 32-row batch is
     * 4 tiles of 5 and 3 of 4 (32 rows' work) instead of 7 tiles of 5 (35).
     */
    default int shortRows() {
        return 0;
    }

    /** {@link #tile} with {@link #shortRows} rows: the A micro-panel at {@code pa[paOff]} has that many rows. */
    default void shortTile(int kc, A pa, int paOff, A pb, int pbOff, int ldpb, A c, int cOff, int ldc, double alpha,
                           double beta) {
        throw new UnsupportedOperationException("no short tile");
    }

    /**
     * A {@code rows x cols} corner tile (rows ≤ panelRows, cols ≤ NR) of an A micro-panel of {@code panelRows}
     * rows (MR or {@link #shortRows}), computed in {@code scratch} then copied.
     */
    void edge(int kc, int panelRows, A pa, int paOff, A pb, int pbOff, int ldpb, A c, int cOff, int ldc, int rows,
              int cols, double alpha, double beta, A scratch);

    /**
     * Width of the narrow path's B panel for a C of {@code n} columns: one or two vectors, or 0 when this kernel
     * has no narrow path for that many columns (then the packed path runs).
     */
    default int narrowWidth(int n) {
        return 0;
    }

    /** Rows of the narrow path's tile of the given panel width: the strip height of {@link NarrowDriver}. */
    default int narrowRows(int width) {
        return blocking().mr();
    }

    /**
     * The narrow path's micro-kernel: {@code scratch[r][j] = Σ_p op(A)[r][p] · panel[p][j]} for {@code rows ≤
     * narrowRows(width)} rows of op(A) read in place (element (r, p) at {@code a[aIdx + r·lda + p]}, or
     * {@code a[aIdx + p·lda + r]} when {@code transA}) and {@code kc} rows of the panel ({@code width} wide, a value
     * {@link #narrowWidth} returned) at {@code pb[pbOff]}; scratch rows are {@code width} apart. Rows past
     * {@code rows} repeat the last one (never read out of bounds) and are not used.
     */
    default void narrowTile(int kc, boolean transA, A a, int aIdx, int lda, int rows, A pb, int pbOff, int width,
                            A scratch) {
        throw new UnsupportedOperationException("no narrow path");
    }

    /** Packs all k rows of op(B) ({@code cols ≤ width} columns) into one panel {@code width} wide, zero-padded. */
    void packPanel(boolean trans, A b, int bOff, int ldb, int k, int cols, int width, A pb);

    /** C = tile·α + β·C on {@code rows x cols} (β = 0 does not read C), tile row-major with {@code ldt}. */
    void addTile(A tile, int ldt, A c, int cOff, int ldc, int rows, int cols, double alpha, double beta);

    /**
     * One KC block of the row-vector path ({@link RowVectorGemm}), raw sums:
     * {@code out[j] = Σ_{p<kc} x[xIdx + p·xStep] · b[bIdx + p·ldb + j]} for j in [0, cols), each by one fma per p
     * in increasing p starting from 0, the micro-kernel's order.
     */
    void rowBlock(int kc, A x, int xIdx, int xStep, A b, int bIdx, int ldb, int cols, A out);

    /** {@code dst[j][i] = src[i][j]} for a {@code rows x cols} row-major {@code src}. */
    void transpose(A src, int srcOff, int lds, int rows, int cols, A dst, int dstOff, int ldd);

    /** {@code C = β·C} on a {@code rows x cols} region ({@code β == 0} stores zeros, ignoring NaN in C). */
    void scale(A c, int cOff, int ldc, int rows, int cols, double beta);

    /**
     * Bias, pre-activation copy and activation on the finished {@code rows x cols} region at C's
     * {@code (row, col)}, located at {@code c[cOff]}.
     */
    void finish(Epilogue epilogue, A c, int cOff, int ldc, int rows, int cols, int row, int col);
}
