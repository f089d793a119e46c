package dev.simdnn.core.internal.blas1;

import dev.simdnn.core.internal.PanamaReductions;
import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API level-1 kernels: four accumulators per reduction, combined as (v0 + v1) + (v2 + v3), then the lanes by
 * {@link PanamaReductions#sum} (a fixed pairwise order, the same on every JIT tier), then the tail in order.
 */
public final class Blas1Panama implements Blas1Kernels {
    private static final VectorSpecies<Float> F = PanamaSpecies.FLOAT;
    private static final int L = F.length();

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector v0 = FloatVector.zero(F), v1 = FloatVector.zero(F);
        FloatVector v2 = FloatVector.zero(F), v3 = FloatVector.zero(F);
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            v0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), v0);
            v1 = FloatVector.fromArray(F, x, xOff + i + L).fma(FloatVector.fromArray(F, y, yOff + i + L), v1);
            v2 = FloatVector.fromArray(F, x, xOff + i + 2 * L).fma(FloatVector.fromArray(F, y, yOff + i + 2 * L), v2);
            v3 = FloatVector.fromArray(F, x, xOff + i + 3 * L).fma(FloatVector.fromArray(F, y, yOff + i + 3 * L), v3);
        }
        float s = PanamaReductions.sum(v0.add(v1).add(v2.add(v3)));
        for (; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public float sum(int n, float[] x, int off) {
        FloatVector v0 = FloatVector.zero(F), v1 = FloatVector.zero(F);
        FloatVector v2 = FloatVector.zero(F), v3 = FloatVector.zero(F);
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            v0 = v0.add(FloatVector.fromArray(F, x, off + i));
            v1 = v1.add(FloatVector.fromArray(F, x, off + i + L));
            v2 = v2.add(FloatVector.fromArray(F, x, off + i + 2 * L));
            v3 = v3.add(FloatVector.fromArray(F, x, off + i + 3 * L));
        }
        float s = PanamaReductions.sum(v0.add(v1).add(v2.add(v3)));
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public float sumOfSquares(int n, float[] x, int off) {
        return dot(n, x, off, x, off);
    }

    @Override
    public float max(int n, float[] x, int off) {
        int i = 0;
        float m = Float.NEGATIVE_INFINITY;
        if (n >= L) {
            FloatVector acc = FloatVector.fromArray(F, x, off);
            for (i = L; i <= n - L; i += L) {
                acc = acc.max(FloatVector.fromArray(F, x, off + i));
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    /**
     * Two passes: the maximum with vectors, then the first index holding it, scalar, as the twin. A vector scan
     * (compare + firstTrue per vector, returning early) allocated 576 bytes per call in the JVM of
     * {@code KernelAllocationTest}: C2 left its compare and firstTrue as calls on boxed vectors.
     */
    @Override
    public int argmax(int n, float[] x, int off) {
        return Blas1Kernels.firstIndexOf(n, x, off, max(n, x, off));
    }

    @Override
    public void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff) {
        FloatVector av = FloatVector.broadcast(F, a);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, xOff + i)
                    .fma(av, FloatVector.fromArray(F, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(int n, float a, float[] x, int off) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(F, x, off + i).mul(a).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] *= a;
        }
    }
}
