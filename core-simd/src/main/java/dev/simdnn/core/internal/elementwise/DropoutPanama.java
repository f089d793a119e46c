package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API dropout: the hash of {@link DropoutKernels} on L counters at once in 32-bit integer lanes
 * (shift, xor, multiply), its top 24 bits compared with keep·2^24 as integers, the mask multiplied in.
 *
 * <p>A call is cut where the counter's low word wraps (at most once, n being an int), so that inside each run the
 * high word, and with it the second key, is one constant: the loop then hashes just {@code low + i} per lane.
 */
public final class DropoutPanama implements DropoutKernels {
    private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
    private static final VectorSpecies<Integer> I = PanamaSpecies.INT;
    private static final int L = F.length();
    /** The last n mod L elements: the twin's code, the same mask bits (it is a function of the counter only). */
    private static final DropoutScalar TAIL = new DropoutScalar();

    @Override
    public void forward(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y, int yOff) {
        int head = sameHighWord(counter, n);
        forwardRun(head, keep, seed, counter, x, xOff, y, yOff);
        if (head < n) {     // the low word wrapped (rare): C2 then compiles one inlined copy of the loop, not two
            forwardRun(n - head, keep, seed, counter + head, x, xOff + head, y, yOff + head);
        }
    }

    @Override
    public void backward(int n, float keep, long seed, long counter, float[] dy, int dyOff, float[] dx, int dxOff) {
        forward(n, keep, seed, counter, dy, dyOff, dx, dxOff);
    }

    @Override
    public void mask(int n, float keep, long seed, long counter, float[] m, int mOff) {
        int head = sameHighWord(counter, n);
        maskRun(head, keep, seed, counter, m, mOff);
        if (head < n) {
            maskRun(n - head, keep, seed, counter + head, m, mOff + head);
        }
    }

    /** How many of the n counters from {@code counter} on have its high 32 bits. */
    private static int sameHighWord(long counter, int n) {
        return (int) Math.min(n, (1L << 32) - (counter & 0xFFFF_FFFFL));
    }

    private static void forwardRun(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y,
                                   int yOff) {
        long keys = DropoutKernels.keys(seed);
        int k0 = (int) keys, k1 = highKey(keys, counter), threshold = threshold(keep);
        FloatVector zero = FloatVector.zero(F);
        float scale = 1f / keep;
        IntVector lanes = IntVector.broadcast(I, (int) counter).addIndex(1);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            VectorMask<Float> kept = kept(lanes.add(i), k0, k1, threshold);
            FloatVector.fromArray(F, x, xOff + i).mul(zero.blend(scale, kept)).intoArray(y, yOff + i);
        }
        TAIL.forward(n - i, keep, seed, counter + i, x, xOff + i, y, yOff + i);
    }

    private static void maskRun(int n, float keep, long seed, long counter, float[] m, int mOff) {
        long keys = DropoutKernels.keys(seed);
        int k0 = (int) keys, k1 = highKey(keys, counter), threshold = threshold(keep);
        FloatVector zero = FloatVector.zero(F);
        float scale = 1f / keep;
        IntVector lanes = IntVector.broadcast(I, (int) counter).addIndex(1);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            zero.blend(scale, kept(lanes.add(i), k0, k1, threshold)).intoArray(m, mOff + i);
        }
        TAIL.mask(n - i, keep, seed, counter + i, m, mOff + i);
    }

    /** The hash's second key with the counter's high word folded in (constant within a run). */
    private static int highKey(long keys, long counter) {
        return (int) (keys >>> 32) ^ (int) (counter >>> 32);
    }

    /**
     * uniform &lt; keep as integers: uniform = t·2^-24 with t = h &gt;&gt;&gt; 8 an integer, so t·2^-24 &lt;
     * keep exactly when t &lt; ⌈keep·2^24⌉ (keep·2^24 is exact in float). The twin's decision, bit for bit.
     */
    private static int threshold(float keep) {
        return (int) Math.ceil(keep * 0x1p24f);
    }

    private static VectorMask<Float> kept(IntVector low, int k0, int k1, int threshold) {
        IntVector h = mix(mix(low.lanewise(VectorOperators.XOR, k0)).lanewise(VectorOperators.XOR, k1));
        return h.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.LT, threshold).cast(F);
    }

    private static IntVector mix(IntVector x) {
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(0x7feb352d);
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(0x846ca68b);
        return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
    }
}
