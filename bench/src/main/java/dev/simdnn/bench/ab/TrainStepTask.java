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
 * {@code TrainStepBench}'s training step (784-512-512-10 MLP, forward, backward, Adam) as a {@link SameJvm} task:
 * {@code applyAsLong(steps)} runs that many steps and returns the nanoseconds they took. Threads from
 * {@code -Dsimdnn.bench.threads} (default 1), shard rows from {@code -Dsimdnn.bench.shardRows} (default: the
 * trainer's default in the build the task runs against), both read when the task is made.
 */
public final class TrainStepTask implements LongUnaryOperator {
    private final DataParallel parallel;
    private final Optimizer adam;
    private final float[] x;
    private final int[] y;
    private final int batch;
    private long step;

    public TrainStepTask(Integer batch) {
        this.batch = batch;
        int threads = Integer.getInteger("simdnn.bench.threads", 1);
        Gemm.setThreads(threads);
        Sequential model = Mlp.model();
        adam = Optimizers.create("adam", model, Map.of("lr", 1e-3));
        parallel = new DataParallel(model, threads, Integer.getInteger("simdnn.bench.shardRows", defaultShardRows()),
                batch);
        x = Mlp.inputs(batch);
        y = Mlp.labels(batch);
    }

    /**
     * The default of the build this task runs against, read at run time: {@code DataParallel.DEFAULT_SHARD_ROWS} is a
     * compile-time constant, and {@code bench/ab} runs this class against older builds, whose default may differ.
     */
    private static int defaultShardRows() {
        try {
            return DataParallel.class.getField("DEFAULT_SHARD_ROWS").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DataParallel.DEFAULT_SHARD_ROWS", e);
        }
    }

    @Override
    public long applyAsLong(long steps) {
        long start = System.nanoTime();
        for (long s = 0; s < steps; s++) {
            parallel.computeGradients(x, y, batch, step++);
            adam.step();
        }
        return System.nanoTime() - start;
    }
}
