package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.elementwise.DropoutKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Inverted dropout forward, mask generated on the fly (8 B/element). */
public class DropoutBench extends BenchBase {
    @Param({"4096", "262144", "16777216"})
    public int n;

    private float[] x, y;
    private DropoutKernels kernels;
    private long step;

    @Setup
    public void setUp() {
        x = new float[n];
        y = new float[n];
        java.util.Arrays.fill(x, 1f);
        kernels = provider().dropout();
        kernels.forward(n, 0.5f, 1L, 0L, x, 0, y, 0);
        double kept = 0;
        for (float v : y) kept += v;
        if (Math.abs(kept / n / 2 - 0.5) > 0.05) {
            throw new IllegalStateException("dropout " + backend + " kept fraction " + kept / n / 2);
        }
    }

    @Benchmark
    public float[] forward() {
        kernels.forward(n, 0.5f, 1L, step++ * n, x, 0, y, 0);
        return y;
    }
}
