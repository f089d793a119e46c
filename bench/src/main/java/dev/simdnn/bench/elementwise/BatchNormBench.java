package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.norm.BatchNormKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * Batch norm on batch x features: training forward (reads x twice, writes x̂ and y: 16 B/element) and backward
 * (reads dy and x̂ twice, writes dx: 20 B/element).
 */
public class BatchNormBench extends BenchBase {
    @Param({"128x512", "256x784", "32768x512"})
    public String shape;

    private int rows, cols;
    private float[] x, y, xhat, dy, dx, gamma, beta, mean, var, inv, dg, db;
    private BatchNormKernels kernels;

    @Setup
    public void setUp() {
        String[] d = shape.split("x");
        rows = Integer.parseInt(d[0]);
        cols = Integer.parseInt(d[1]);
        int n = rows * cols;
        SplittableRandom rnd = new SplittableRandom(5);
        x = new float[n];
        dy = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextGaussian();
            dy[i] = (float) rnd.nextGaussian();
        }
        y = new float[n];
        xhat = new float[n];
        dx = new float[n];
        gamma = new float[cols];
        beta = new float[cols];
        java.util.Arrays.fill(gamma, 1f);
        mean = new float[cols];
        var = new float[cols];
        inv = new float[cols];
        dg = new float[cols];
        db = new float[cols];
        kernels = provider().batchNorm();
        forward();
        if (Math.abs(var[0] - 1) > 0.5 || Math.abs(mean[0]) > 0.5) {
            throw new IllegalStateException("batch norm " + backend + ": mean " + mean[0] + ", var " + var[0]);
        }
    }

    @Benchmark
    public float[] forward() {
        kernels.forwardTraining(rows, cols, x, 0, gamma, 0, beta, 0, 1e-5f, y, 0, xhat, 0, mean, var, inv);
        return y;
    }

    @Benchmark
    public float[] backward() {
        kernels.backward(rows, cols, dy, 0, xhat, 0, gamma, 0, inv, dx, 0, dg, 0, db, 0);
        return dx;
    }
}
