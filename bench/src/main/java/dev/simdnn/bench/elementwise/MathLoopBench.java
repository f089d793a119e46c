package dev.simdnn.bench.elementwise;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;

/**
 * What a user writes without simdnn: a plain loop over {@link Math#exp} / {@link Math#tanh} (the baseline of the
 * "sigmoid/tanh ≥ 8x" target), and {@link System#arraycopy}, the memory bandwidth reference (8 B/element).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MathLoopBench {
    /** The activation sizes, plus the element counts of the batch-norm, softmax and update benchmarks (for arraycopy). */
    @Param({"4096", "65536", "200704", "262144", "1048576", "16777216"})
    public int n;

    private float[] x, y;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        x = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-6, 6);
        }
    }

    @Benchmark
    public float[] sigmoidMathExp() {
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
        return y;
    }

    @Benchmark
    public float[] tanhMath() {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }

    @Benchmark
    public float[] arraycopy() {
        System.arraycopy(x, 0, y, 0, n);
        return y;
    }
}
