package dev.simdnn.core.internal.gemm;

/**
 * Register and cache block sizes of one micro-kernel (BLIS names). MC is a multiple of MR and NC of NR, so
 * that every block, and every thread's share of the matrix, starts on the micro-tile grid: that is what
 * makes results independent of the blocking of M and N and of the thread count.
 *
 * <pre>
 *   MR x NR  register tile of C (MR rows, NR = vectors along a row of C)
 *   KC       depth of one packed panel: a KC x NR micro-panel of B is reused by every MR x KC
 *            micro-panel of A in the IR loop (L1/L2)
 *   MC       rows of A packed at once (MC x KC floats sit in L2)
 *   NC       columns of B packed at once (KC x NC sits in L3)
 * </pre>
 *
 * Values measured with JMH on AMD Zen 4 (family 25, L1d 32 KiB, L2 1 MiB): see bench/README.md.
 */
public record Blocking(int mr, int nr, int kc, int mc, int nc) {
    public Blocking {
        if (mr <= 0 || nr <= 0 || kc <= 0 || mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("inconsistent blocking " + mr + "x" + nr + " kc=" + kc
                    + " mc=" + mc + " nc=" + nc);
        }
    }

    /** Rows of the packed A block, rounded up to whole micro-panels. */
    int packedRows(int rows) {
        return (rows + mr - 1) / mr * mr;
    }

    /**
     * Of a block of {@code rows} rows, how many the kernel's short tiles take ({@link MicroKernel#shortRows}
     * {@code = shortRows}, 0 for none): the fewest short tiles b with {@code rows = a·MR + b·shortRows}, they come
     * last; 0 when rows cannot be written so (then the last tile is padded with zero rows, as without short tiles).
     */
    int shortTileRows(int rows, int shortRows) {
        if (shortRows <= 0 || rows % mr == 0) {
            return 0;
        }
        for (int tail = shortRows; tail <= rows && tail < mr * shortRows; tail += shortRows) {
            if ((rows - tail) % mr == 0) {
                return tail;
            }
        }
        return 0;
    }

    /** Columns of the packed B panel, rounded up to whole micro-panels. */
    int packedCols(int cols) {
        return (cols + nr - 1) / nr * nr;
    }
}
