package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.elementwise.ActivationKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * Activation forward (y = f(x), 8 B/element) and backward (dx = dy ⊙ f′(c), 12 B/element), Vector API vs scalar
 * twin; the fused Dense backward with the bias gradient (dz and column sums of dz, 12 B/element) on rows of 512.
 */
public class ActivationBench extends BenchBase {
    @Param({"4096", "262144", "16777216"})
    public int n;

    @Param({"SIGMOID", "TANH", "RELU", "GELU"})
    public Activation activation;

    private float[] x, y, dy, dx, bias;
    private ActivationKernels kernels;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        x = new float[n];
        y = new float[n];
        dy = new float[n];
        dx = new float[n];
        bias = new float[512];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-6, 6);
            dy[i] = (float) rnd.nextDouble(-1, 1);
        }
        kernels = provider().activations();
        kernels.forward(activation, activation.defaultAlpha(), n, x, 0, y, 0);
        float[] check = new float[n];
        KernelProviders.scalar().activations().forward(activation, activation.defaultAlpha(), n, x, 0, check, 0);
        for (int i = 0; i < n; i += 997) {
            if (Math.abs(check[i] - y[i]) > 1e-5f * (1 + Math.abs(check[i]))) {
                throw new IllegalStateException(activation + " " + backend + " at " + i + ": " + y[i] + " vs " + check[i]);
            }
        }
    }

    @Benchmark
    public float[] forward() {
        kernels.forward(activation, activation.defaultAlpha(), n, x, 0, y, 0);
        return y;
    }

    @Benchmark
    public float[] backward() {
        kernels.backward(activation, activation.defaultAlpha(), n, activation.derivativeFromOutput() ? y : x, 0, dy, 0,
                dx, 0);
        return dx;
    }

    @Benchmark
    public float[] backwardWithBiasGradient() {
        kernels.backwardWithBiasGradient(activation, activation.defaultAlpha(), n / 512, 512,
                activation.derivativeFromOutput() ? y : x, 0, dy, 0, dx, 0, bias, 0);
        return bias;
    }
}
