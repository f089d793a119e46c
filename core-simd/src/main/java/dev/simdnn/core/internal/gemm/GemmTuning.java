package dev.simdnn.core.internal.gemm;

/**
 * Cache-block sizes, one table for every GEMM kernel (the register blocks belong to each micro-kernel).
 * KC is shared by the scalar and Vector API twins of a precision: the depth blocking decides the order of
 * the sums, and sharing it keeps the twins bitwise equal.
 *
 * <p>Defaults measured with JMH on AMD Zen 4 (family 25; L1d 32 KiB, L2 1 MiB per core), see
 * bench/README.md. Each can be overridden for re-tuning on another CPU, e.g. {@code -Dsimdnn.sgemm.kc=384}:
 * MC must be a multiple of 8 and NC of 32 (the widest NR); a kernel with another MR (5 on AVX2) rounds MC down to
 * a multiple of it.
 */
final class GemmTuning {
    private GemmTuning() {}

    /**
     * Depth of a packed panel. Larger KC means fewer passes over C (each pass reads and writes every C tile,
     * missing the caches for large C); the kernel's 16 cycles per depth step leave enough L2 bandwidth for a
     * B micro-panel (KC x 32 floats) that no longer fits L1.
     */
    static final int SGEMM_KC = block("simdnn.sgemm.kc", 512, 1);
    /** Rows of A packed at once: MC x KC floats (256 KiB) in L2 beside the B micro-panels. */
    static final int SGEMM_MC = block("simdnn.sgemm.mc", 128, 8);
    /** Columns of B packed at once (KC x NC floats in L3). */
    static final int SGEMM_NC = block("simdnn.sgemm.nc", 4096, 32);

    static final int DGEMM_KC = block("simdnn.dgemm.kc", 256, 1);
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
