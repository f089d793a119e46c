package dev.simdnn.core.internal.gemm;

/**
 * Cache-block sizes, one table for every GEMM kernel (the register blocks belong to each micro-kernel).
 * KC is shared by the scalar and Vector API twins of a precision: the depth blocking decides the order of
 * the sums, and sharing it keeps the twins bitwise equal.
 *
 * <p>Defaults measured with JMH on AMD Zen 4 (family 25; L1d 32 KiB, L2 1 MiB per core), and SGEMM's KC and
 * NC again on Zen 3 (family 25 model 1; L2 512 KiB), see bench/README.md. Each can be overridden for re-tuning on
 * another CPU, e.g. {@code -Dsimdnn.sgemm.kc=512}: MC must be a multiple of 8 and NC of 32 (the widest NR); a kernel
 * with another MR (5 on AVX2) rounds MC down to a multiple of it.
 */
final class GemmTuning {
    private GemmTuning() {}

    /**
     * Depth of a packed panel. Each KC block is one more pass over C, and every pass reads and writes each C tile
     * with cache misses Java cannot prefetch; the kernel's 5 (AVX2) to 16 (AVX-512) cycles per depth step leave
     * enough L2 bandwidth for a B micro-panel (KC x NR floats) that does not fit L1. On Zen 3, best of 15–40 calls
     * against OpenBLAS in the same JVM (2026-12-01): 1024 instead of 512 took SGEMM 1024³ from 0.77–0.89x to
     * 0.94–0.99x, 2048³ from 0.74–0.78x to 0.86–0.87x, 256 x 784 x 512 (NT) from 0.90–0.93x to 0.97–0.98x, and the
     * 784-512-512-10 training step up by 1–7 %; 768 and 2048 measured no better. Not re-measured on Zen 4, where 512
     * had beaten 256 for the same reason (fewer passes over C). On Zen 5 (family 26, 2026-12-01; six shapes, 20
     * calls each, against OpenBLAS in one JVM) 512 and 1024 measured within noise (geometric means 0.995 and
     * 0.970–1.004), 256 lower (0.958: 2048³ 0.92, 256 x 784 x 512 NT 0.80). The same value on every machine
     * keeps SGEMM results the same bits on AVX2 and AVX-512 (the register tile does not change the sum order).
     */
    static final int SGEMM_KC = block("simdnn.sgemm.kc", 1024, 1);
    /** Rows of A packed at once: MC x KC floats (512 KiB) in L2 beside the B micro-panel (64 was no faster). */
    static final int SGEMM_MC = block("simdnn.sgemm.mc", 128, 8);
    /** Columns of B packed at once: KC x NC floats (8 MiB at most) in L3. */
    static final int SGEMM_NC = block("simdnn.sgemm.nc", 2048, 32);

    /**
     * Depth of a packed double panel: half of SGEMM's in elements, the same 4 KiB per row of a micro-panel. On Zen 3
     * (best of 20 calls against OpenBLAS in one JVM, 2026-12-01) 512 instead of 256 took DGEMM 1024³ from 0.71–0.74x to
     * 0.82x and left 512³ (0.87x) and 256 x 512 x 784 (0.83–0.87x) within noise; 1024 gave 0.91–0.93x at 1024³ but
     * 0.80–0.87x at 512³.
     */
    static final int DGEMM_KC = block("simdnn.dgemm.kc", 512, 1);
    static final int DGEMM_MC = block("simdnn.dgemm.mc", 128, 8);
    static final int DGEMM_NC = block("simdnn.dgemm.nc", 2048, 32);

    /**
     * Up to this many rows of C per thread part (and B not transposed), the packed path reads B's micro-panels in
     * place instead of packing them ({@link GemmDriver}): a Dense layer's forward pass at small batches, where
     * packing the weights cost 13 % of a training step at batch 32. 0 turns it off.
     */
    static final int B_IN_PLACE_MAX_ROWS = nonNegative("simdnn.gemm.bInPlaceRows", 32);

    /** Below this many multiply-adds (m·n·k) the unpacked {@link SmallGemm} path is faster than packing. */
    static final long SMALL_MAX_MACS = 32L * 32 * 32;

    /** Below this many multiply-adds the work stays on the calling thread (waking a worker costs ~10 µs). */
    static final long PARALLEL_MIN_MACS = 1L << 20;

    private static int nonNegative(String property, int defaultValue) {
        int value = Integer.getInteger(property, defaultValue);
        if (value < 0) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " must not be negative");
        }
        return value;
    }

    private static int block(String property, int defaultValue, int multipleOf) {
        int value = Integer.getInteger(property, defaultValue);
        if (value <= 0 || value % multipleOf != 0) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " must be a positive multiple of "
                    + multipleOf);
        }
        return value;
    }
}
