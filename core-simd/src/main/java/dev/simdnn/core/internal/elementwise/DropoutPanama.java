package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API dropout: the hash of {@link DropoutKernels} on L counters at once in 32-bit integer lanes
 * (shift, xor, multiply), converted to floats, compared with keep, multiplied in.
 */
public final class DropoutPanama implements DropoutKernels {
    private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
    private static final VectorSpecies<Integer> I = PanamaSpecies.INT;
    private static final int L = F.length();
    /** The last n mod L elements: the twin's code, the same mask bits (it is a function of the counter only). */
    private static final DropoutScalar TAIL = new DropoutScalar();

    @Override
    public void forward(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y, int yOff) {
        long keys = DropoutKernels.keys(seed);
        float scale = 1f / keep;
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, xOff + i).mul(maskVector(keys, counter + i, keep, scale))
                    .intoArray(y, yOff + i);
        }
        TAIL.forward(n - i, keep, seed, counter + i, x, xOff + i, y, yOff + i);
    }

    @Override
    public void backward(int n, float keep, long seed, long counter, float[] dy, int dyOff, float[] dx, int dxOff) {
        forward(n, keep, seed, counter, dy, dyOff, dx, dxOff);
    }

    @Override
    public void mask(int n, float keep, long seed, long counter, float[] m, int mOff) {
        long keys = DropoutKernels.keys(seed);
        float scale = 1f / keep;
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            maskVector(keys, counter + i, keep, scale).intoArray(m, mOff + i);
        }
        TAIL.mask(n - i, keep, seed, counter + i, m, mOff + i);
    }

    /** scale where uniform(counter + lane) < keep, else 0, for L consecutive counters. */
    private static FloatVector maskVector(long keys, long counter, float keep, float scale) {
        int k0 = (int) keys, k1 = (int) (keys >>> 32);
        IntVector low = IntVector.broadcast(I, (int) counter).addIndex(1);
        // The high word changes inside a vector only when the low word wraps; fold it per lane.
        IntVector high = IntVector.broadcast(I, (int) (counter >>> 32))
                .add(low.compare(VectorOperators.ULT, (int) counter).toVector().neg());
        IntVector h = mix(mix(low.lanewise(VectorOperators.XOR, k0)).lanewise(VectorOperators.XOR, high)
                .lanewise(VectorOperators.XOR, k1));
        FloatVector u = ((FloatVector) h.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(0x1p-24f);
        return FloatVector.zero(F).blend(scale, u.compare(VectorOperators.LT, keep));
    }

    private static IntVector mix(IntVector x) {
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16)).mul(0x7feb352d);
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15)).mul(0x846ca68b);
        return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
    }
}
