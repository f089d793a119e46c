package dev.simdnn.bench.update;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.update.UpdateKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * One optimizer step over n parameters, Vector API vs scalar twin. Bytes moved per parameter: SGD with momentum
 * 20 (read θ, g, b; write θ, b), Adam and AdamW 28 (read θ, g, m, v; write θ, m, v), RMSProp 20.
 */
public class UpdateBench extends BenchBase {
    @Param({"1048576", "16777216"})
    public int n;

    private float[] p, g, a, b;
    private UpdateKernels kernels;
    private int step;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(9);
        p = new float[n];
        g = new float[n];
        a = new float[n];
        b = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) rnd.nextDouble(-1, 1);
            g[i] = (float) rnd.nextDouble(-1, 1);
        }
        kernels = provider().updates();
        float before = p[0];
        adam();
        if (!(Math.abs(p[0] - before + 1e-3f * Math.signum(g[0])) < 1e-4f)) {
            throw new IllegalStateException("Adam's first step on " + backend + " moved " + before + " to " + p[0]);
        }
    }

    @Benchmark
    public float[] sgdMomentum() {
        kernels.sgd(n, p, 0, g, 0, a, 0, 1e-3f, 0.9f, 0f, 0f, false, false);
        return p;
    }

    @Benchmark
    public float[] adam() {
        step++;
        kernels.adam(n, p, 0, g, 0, a, 0, b, 0, null, 0, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false,
                (float) (1 - Math.pow(0.9, step)), (float) (1 - Math.pow(0.999, step)), false);
        return p;
    }

    @Benchmark
    public float[] adamW() {
        step++;
        kernels.adam(n, p, 0, g, 0, a, 0, b, 0, null, 0, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, true,
                (float) (1 - Math.pow(0.9, step)), (float) (1 - Math.pow(0.999, step)), false);
        return p;
    }

    @Benchmark
    public float[] rmsprop() {
        kernels.rmsprop(n, p, 0, g, 0, b, 0, null, 0, null, 0, 1e-3f, 0.99f, 1e-8f, 0f, 0f, false, false);
        return p;
    }
}
