package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector API maxout: per block of L units, a running max and arg-max over the k piece blocks. */
public final class MaxoutPanama implements MaxoutKernels {
    private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
    private static final VectorSpecies<Integer> I = PanamaSpecies.INT;
    private static final int L = F.length();

    @Override
    public void forward(int rows, int units, int k, float[] x, int xOff, float[] y, int yOff, int[] argmax,
                        int aOff) {
        int bound = F.loopBound(units);
        for (int r = 0; r < rows; r++) {
            int in = xOff + r * k * units, out = r * units;
            for (int u = 0; u < bound; u += L) {
                FloatVector best = FloatVector.fromArray(F, x, in + u);
                IntVector arg = IntVector.zero(I);
                for (int p = 1; p < k; p++) {
                    FloatVector v = FloatVector.fromArray(F, x, in + p * units + u);
                    VectorMask<Float> better = v.compare(VectorOperators.GT, best)
                            .or(v.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN)));
                    best = best.blend(v, better);
                    arg = arg.blend(p, better.cast(I));
                }
                best.intoArray(y, yOff + out + u);
                arg.intoArray(argmax, aOff + out + u);
            }
        }
        if (bound < units) {
            MaxoutScalar.forwardColumns(rows, units, k, bound, x, xOff, y, yOff, argmax, aOff);
        }
    }

    @Override
    public void backward(int rows, int units, int k, float[] dy, int dyOff, int[] argmax, int aOff, float[] dx,
                         int dxOff) {
        int bound = F.loopBound(units);
        for (int r = 0; r < rows; r++) {
            int in = dxOff + r * k * units, out = r * units;
            for (int p = 0; p < k; p++) {
                int u = 0;
                for (; u < bound; u += L) {
                    VectorMask<Float> mine = IntVector.fromArray(I, argmax, aOff + out + u).compare(VectorOperators.EQ, p)
                            .cast(F);
                    FloatVector.zero(F).blend(FloatVector.fromArray(F, dy, dyOff + out + u), mine)
                            .intoArray(dx, in + p * units + u);
                }
                for (; u < units; u++) {
                    dx[in + p * units + u] = argmax[aOff + out + u] == p ? dy[dyOff + out + u] : 0f;
                }
            }
        }
    }
}
