package dev.simdnn.optim.train;

import dev.simdnn.core.Blas1;
import dev.simdnn.core.Gemm;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.Pass;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.Workspace;
import dev.simdnn.layers.loss.Targets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data-parallel gradients (textbook F57): a batch is cut into fixed shards of {@code shardRows} rows, each shard's
 * gradient is computed into its own buffer by one of the worker threads, and the model's gradient is the sum of
 * the shards' gradients in shard order, each weighted by its share of the batch for a mean-reduced loss. The shards
 * depend only on the batch and {@code shardRows}, never on the thread count, and every sum runs in the same order,
 * so the gradient, and hence the trained model, is bitwise the same for 1, 2 or 3 threads. It equals the gradient
 * of the whole batch in one pass up to float rounding (the sum over the batch is split at shard boundaries).
 *
 * <p>Batch norm sees each shard as its own batch (as PyTorch's {@code DataParallel} without {@code SyncBatchNorm});
 * its running statistics are moved once per shard, in shard order. Dropout masks do not depend on the split
 * ({@link Pass#noiseCounter}). A batch of one shard is computed straight into the model's gradient. The GEMMs of
 * each shard use the threads the shards leave idle (all of them for one shard, one each when there are at least as
 * many shards as threads); GEMM results do not depend on their thread count.
 */
public final class DataParallel implements AutoCloseable {
    /**
     * Default rows per shard. Each shard packs the weights for its own GEMMs, writes a whole gradient buffer and
     * adds it into the sum, and its weight-gradient GEMM has only {@code shardRows} of depth, so small shards cost.
     * On Zen 3 (2026-12-01) the 784-512-512-10 step at batch 128 ran 104 steps/s with 64-row shards and 141 with 128
     * (JMH); at batch 256, timed best-of-40 in one JVM against 128-row shards, 256-row shards ran 1.22x as many steps
     * per second on one thread and 1.05–1.17x on two (where one shard's GEMMs take both threads). Batches up to 256
     * rows are then one shard, computed straight into the model's gradient.
     */
    public static final int DEFAULT_SHARD_ROWS = 256;

    private final Sequential model;
    private final int threads;
    private final int shardRows;
    private final Workspace[] workspaces;
    private final Workspace whole;
    private final float[][] gradients;
    private final Pass[] passes;
    private final double[] losses;
    private final int[] correct;
    private final ExecutorService pool;

    /**
     * @param model     the model whose {@link Sequential#gradients()} receive the sum
     * @param threads   worker threads (≥ 1); results do not depend on it
     * @param shardRows rows per shard (≥ 1)
     * @param maxBatch  the largest batch that will be passed
     */
    public DataParallel(Sequential model, int threads, int shardRows, int maxBatch) {
        if (threads < 1 || shardRows < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads, shardRows and maxBatch must be >= 1, got " + threads + ", "
                    + shardRows + ", " + maxBatch);
        }
        this.model = model;
        this.threads = threads;
        this.shardRows = shardRows;
        int shards = (maxBatch + shardRows - 1) / shardRows;
        workspaces = new Workspace[shards];
        gradients = new float[shards][];
        passes = new Pass[shards];
        losses = new double[shards];
        correct = new int[shards];
        for (int s = 0; s < shards; s++) {
            gradients[s] = new float[model.parameterCount()];
            workspaces[s] = model.newWorkspace(Math.min(shardRows, maxBatch), gradients[s]);
            passes[s] = new Pass();
        }
        whole = model.newWorkspace(Math.min(shardRows, maxBatch), model.gradients());
        pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "simdnn-data-parallel");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The result of one batch. */
    public record Result(double loss, int correct) {}

    /**
     * Zeroes and then fills the model's gradient with the batch's ({@code batch} rows of x and labels from 0),
     * moves batch-norm statistics, and returns the loss and the number of rows whose largest output was the label
     * (in training mode).
     */
    public Result computeGradients(float[] x, int[] labels, int batch, long step) {
        if (batch < 1 || batch > workspaces.length * shardRows) {
            throw new IllegalArgumentException("batch of " + batch + " rows; this DataParallel takes 1.."
                    + workspaces.length * shardRows);
        }
        int shards = (batch + shardRows - 1) / shardRows;
        // GEMM threads per shard: the threads the shards leave idle (the bits do not depend on it)
        int gemmThreads = threads == 1 ? Gemm.threads() : Math.max(1, threads / Math.min(shards, threads));
        if (shards == 1) {                      // one shard: straight into the model's gradient, no sum needed
            java.util.Arrays.fill(model.gradients(), 0f);
            whole.setGemmThreads(gemmThreads);
            shard(0, whole, x, labels, batch, step);
            model.updateStatistics(whole, batch);
            return new Result(losses[0], correct[0]);
        }
        run(shards, w -> {
            for (int s = w; s < shards; s += threads) {
                workspaces[s].setGemmThreads(gemmThreads);
                java.util.Arrays.fill(gradients[s], 0f);
                shard(s, workspaces[s], x, labels, batch, step);
            }
        });
        float[] g = model.gradients();
        boolean mean = model.loss().reduction() == Reduction.MEAN;
        int p = g.length, slice = (p + threads - 1) / threads;
        run(threads, w -> {                                     // each worker sums its slice of the parameters,
            int from = Math.min(p, w * slice), to = Math.min(p, from + slice);   // shards always in order
            java.util.Arrays.fill(g, from, to, 0f);
            for (int s = 0; s < shards; s++) {
                float weight = mean ? (float) rows(s, batch) / batch : 1f;
                Blas1.axpy(to - from, weight, gradients[s], from, g, from);
            }
        });
        double loss = 0;
        int right = 0;
        for (int s = 0; s < shards; s++) {
            model.updateStatistics(workspaces[s], rows(s, batch));
            loss += (mean ? (double) rows(s, batch) / batch : 1.0) * losses[s];
            right += correct[s];
        }
        return new Result(loss, right);
    }

    private int rows(int s, int batch) {
        return Math.min(shardRows, batch - s * shardRows);
    }

    private void shard(int s, Workspace ws, float[] x, int[] labels, int batch, long step) {
        int first = s * shardRows, rows = rows(s, batch), width = model.inputWidth();
        passes[s].set(true, step, first);
        losses[s] = model.computeGradients(ws, passes[s], rows, x, first * width, Targets.labels(labels, first), 0,
                false);
        float[] out = ws.output(model.layers().size() - 1);
        int classes = model.outputWidth(), right = 0;
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (out[r * classes + j] > out[r * classes + best]) {
                    best = j;
                }
            }
            right += best == labels[first + r] ? 1 : 0;
        }
        correct[s] = right;
    }

    private interface Work {
        void run(int worker);
    }

    /** Runs {@code work} for workers 0..n−1 (worker 0 on the calling thread) and waits for all. */
    private void run(int n, Work work) {
        int workers = Math.min(n, threads);
        if (workers <= 1) {
            work.run(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            int id = w;
            futures.add(pool.submit((Callable<Void>) () -> {
                work.run(id);
                return null;
            }));
        }
        work.run(0);
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for data-parallel workers", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
