package dev.simdnn.core.internal.gemm;

/**
 * Per-thread packing buffers, grown on demand and then reused, so that a GEMM in steady state allocates
 * nothing. Each thread (callers and pool workers) has its own, through a {@link ThreadLocal}.
 */
public final class Workspace {
    /** What a buffer is used for; each slot has its own array per precision. */
    public enum Slot { PACKED_A, PACKED_B, EDGE_TILE, TRANSPOSED_C, NARROW_PANEL, ROW_ACCUMULATOR }

    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    private final float[][] floats = new float[Slot.values().length][];
    private final double[][] doubles = new double[Slot.values().length][];
    /** The argument holders of this thread's current call (reused: no allocation per call). */
    final GemmCall<float[]> floatCall = new GemmCall<>();
    final GemmCall<double[]> doubleCall = new GemmCall<>();
    /** The holders of the transposed product Cᵀ = op(B)ᵀ·op(A)ᵀ, when that orientation pads less. */
    final GemmCall<float[]> floatTransposedCall = new GemmCall<>();
    final GemmCall<double[]> doubleTransposedCall = new GemmCall<>();

    static Workspace current() {
        return CURRENT.get();
    }

    float[] floats(Slot slot, int length) {
        float[] a = floats[slot.ordinal()];
        if (a == null || a.length < length) {
            a = floats[slot.ordinal()] = new float[length];
        }
        return a;
    }

    double[] doubles(Slot slot, int length) {
        double[] a = doubles[slot.ordinal()];
        if (a == null || a.length < length) {
            a = doubles[slot.ordinal()] = new double[length];
        }
        return a;
    }
}
