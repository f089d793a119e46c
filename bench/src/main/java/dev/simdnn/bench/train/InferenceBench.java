package dev.simdnn.bench.train;

import dev.simdnn.core.Backend;
import dev.simdnn.core.Gemm;
import dev.simdnn.layers.Sequential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Batch-1 inference latency of the {@link Mlp} (evaluation mode, one sample, the row-vector GEMM path), JMH
 * {@code SampleTime}: the JSON holds the p50 and p99. {@link InferenceScalarBench} is the scalar twin.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g",
        "-Dsimdnn.requireBackend=panama"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InferenceBench {
    @Param({"1"})
    public int threads;

    private Sequential model;
    private float[] sample;
    private final float[] out = new float[Mlp.CLASSES];

    protected Backend expectedBackend() {
        return Backend.PANAMA;
    }

    @Setup
    public void setUp() {
        if (Backend.active() != expectedBackend()) {
            throw new IllegalStateException("expected the " + expectedBackend() + " backend, the JVM runs "
                    + Backend.active());
        }
        Gemm.setThreads(threads);
        model = Mlp.model();
        sample = Arrays.copyOf(Mlp.inputs(1), Mlp.INPUTS);
        float[] batched = new float[Mlp.CLASSES];
        model.predict(1, sample, 0, batched, 0);
        model.predict(sample, out);
        if (!Arrays.equals(batched, out)) {
            throw new IllegalStateException("single-sample and batched inference disagree");
        }
    }

    @Benchmark
    public float[] predict() {
        model.predict(sample, out);
        return out;
    }
}
