package dev.simdnn.bench.train;

import dev.simdnn.bench.ab.TrainStepTask;
import dev.simdnn.core.Backend;
import dev.simdnn.optim.train.DataParallel;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One training step of the {@link Mlp} (forward, backward, Adam) on the Vector API path, through the trainer's own
 * path ({@link DataParallel}: shards of {@link #SHARD_ROWS} rows, {@code threads} workers). Score: steps per
 * second; samples per second = score × batch. {@link TrainStepScalarBench} is the same on the scalar twins.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g",
        "-Dsimdnn.requireBackend=panama"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainStepBench {
    /**
     * Rows per data-parallel shard: the trainer's default, or {@code -Dsimdnn.bench.shardRows=N} for an experiment
     * (a system property, not a JMH parameter, so that result keys still match the peers' and the baselines').
     */
    static final int SHARD_ROWS = Integer.getInteger("simdnn.bench.shardRows", DataParallel.DEFAULT_SHARD_ROWS);

    @Param({"32", "128", "256"})
    public int batch;

    @Param({"1"})
    public int threads;

    private TrainStepTask task;

    /** The backend this class measures. */
    protected Backend expectedBackend() {
        return Backend.PANAMA;
    }

    @Setup
    public void setUp() {
        if (Backend.active() != expectedBackend()) {
            throw new IllegalStateException("expected the " + expectedBackend() + " backend, the JVM runs "
                    + Backend.active());
        }
        task = new TrainStepTask(batch, threads, SHARD_ROWS);
        double first = task.step();
        if (!(Math.abs(first - Math.log(Mlp.CLASSES)) < 1.5)) {
            throw new IllegalStateException("initial loss " + first + " is far from ln 10: the model is broken");
        }
    }

    @Benchmark
    public float[] step() {
        task.step();
        return task.parameters();
    }

    @TearDown
    public void tearDown() {
        task.close();
    }
}
