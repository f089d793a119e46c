package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.loss.LossKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/** Row softmax (8 B/element) and fused softmax + cross-entropy with its gradient (8 B/element), batch x classes. */
public class SoftmaxBench extends BenchBase {
    @Param({"128x512", "256x784"})
    public String shape;

    private int rows, cols;
    private float[] x, y;
    private int[] labels;
    private LossKernels kernels;

    @Setup
    public void setUp() {
        String[] d = shape.split("x");
        rows = Integer.parseInt(d[0]);
        cols = Integer.parseInt(d[1]);
        SplittableRandom rnd = new SplittableRandom(6);
        x = new float[rows * cols];
        y = new float[rows * cols];
        labels = new int[rows];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble(-5, 5);
        for (int r = 0; r < rows; r++) labels[r] = rnd.nextInt(cols);
        kernels = provider().losses();
        softmax();
        double sum = 0;
        for (int j = 0; j < cols; j++) sum += y[j];
        if (Math.abs(sum - 1) > 1e-4) {
            throw new IllegalStateException("softmax " + backend + " row sums to " + sum);
        }
    }

    @Benchmark
    public float[] softmax() {
        kernels.softmax(rows, cols, x, 0, y, 0);
        return y;
    }

    @Benchmark
    public double crossEntropyWithGradient() {
        return kernels.softmaxCrossEntropy(rows, cols, x, 0, labels, 0, y, 0, 1f / rows);
    }
}
