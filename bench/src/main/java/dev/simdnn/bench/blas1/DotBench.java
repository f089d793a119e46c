package dev.simdnn.bench.blas1;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import dev.simdnn.core.internal.KernelProviders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/** Dot product, Vector API vs scalar twin; the result is returned so JMH cannot drop the work. */
public class DotBench extends BenchBase {
    @Param({"4096", "262144"})
    public int n;

    private float[] x, y;
    private Blas1Kernels kernels;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        x = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
            y[i] = (float) rnd.nextDouble(-1, 1);
        }
        kernels = provider().blas1();
        float expected = KernelProviders.scalar().blas1().dot(n, x, 0, y, 0);
        float got = kernels.dot(n, x, 0, y, 0);
        if (Math.abs(got - expected) > 1e-3f * Math.max(1f, Math.abs(expected))) {
            throw new IllegalStateException("dot " + backend + " gave " + got + ", scalar " + expected);
        }
    }

    @Benchmark
    public float dot() {
        return kernels.dot(n, x, 0, y, 0);
    }
}
