package dev.simdnn.bench.ab;

import dev.simdnn.bench.train.Mlp;
import dev.simdnn.core.Gemm;
import dev.simdnn.layers.Sequential;
import dev.simdnn.optim.Optimizer;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.train.DataParallel;

import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * The benchmark training step, one definition for JMH's {@code TrainStepBench} and for {@link SameJvm}: the
 * {@link Mlp} (784-512-512-10), Adam lr 1e-3, through the trainer's {@link DataParallel}. As a {@link SameJvm} task
 * ({@code (Integer batch)} constructor) it reads threads from {@code -Dsimdnn.bench.threads} (default 1) and shard
 * rows from {@code -Dsimdnn.bench.shardRows} (default: the trainer's default in the build it runs against), and
 * {@code applyAsLong(steps)} runs that many steps and returns the nanoseconds they took. It uses only public API, so
 * {@code bench/ab} can run it against older builds.
 */
public final class TrainStepTask implements LongUnaryOperator, AutoCloseable {
    private final Sequential model;
    private final DataParallel parallel;
    private final Optimizer adam;
    private final float[] x;
    private final int[] y;
    private final int batch;
    private long step;

    /** The {@link SameJvm} task: threads and shard rows from system properties. */
    public TrainStepTask(Integer batch) {
        this(batch, Integer.getInteger("simdnn.bench.threads", 1),
                Integer.getInteger("simdnn.bench.shardRows", defaultShardRows()));
    }

    public TrainStepTask(int batch, int threads, int shardRows) {
        this.batch = batch;
        Gemm.setThreads(threads);
        model = Mlp.model();
        adam = Optimizers.create("adam", model, Map.of("lr", 1e-3));
        parallel = new DataParallel(model, threads, shardRows, batch);
        x = Mlp.inputs(batch);
        y = Mlp.labels(batch);
    }

    /**
     * The default of the build this task runs against, read at run time: {@code DataParallel.DEFAULT_SHARD_ROWS} is a
     * compile-time constant, and {@code bench/ab} runs this class against older builds, whose default may differ.
     */
    public static int defaultShardRows() {
        try {
            return DataParallel.class.getField("DEFAULT_SHARD_ROWS").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DataParallel.DEFAULT_SHARD_ROWS", e);
        }
    }

    /** One step (gradients of the batch, then Adam); returns the batch's loss before the update. */
    public double step() {
        double loss = parallel.computeGradients(x, y, batch, step++).loss();
        adam.step();
        return loss;
    }

    /** The model's parameters (for a benchmark to consume). */
    public float[] parameters() {
        return model.parameters();
    }

    @Override
    public long applyAsLong(long steps) {
        long start = System.nanoTime();
        for (long s = 0; s < steps; s++) {
            step();
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
