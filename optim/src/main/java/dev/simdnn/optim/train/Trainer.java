package dev.simdnn.optim.train;

import dev.simdnn.layers.ParameterTensor;
import dev.simdnn.layers.Sequential;
import dev.simdnn.optim.Optimizer;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.avg.ParameterAverage;
import dev.simdnn.optim.clip.GradientClipping;
import dev.simdnn.optim.clip.Tensor;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.schedule.ReduceOnPlateau;
import dev.simdnn.optim.schedule.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The training loop (textbook F7, lectures M1–M3, M18, B9–B12): epochs of minibatches in a seeded order that
 * changes every epoch, gradients computed data-parallel ({@link DataParallel}), optional gradient clipping, one
 * optimizer step per batch, learning-rate schedules per epoch or per iteration, reduce-on-plateau, Polyak-averaged
 * evaluation, early stopping on a validation metric with the best weights restored, the stopping rule
 * |f_k − f_{k−1}| < ε, and listeners. Configure with the fluent setters, then {@link #fit}.
 *
 * <p><b>Batch modes</b>: a batch size equal to the data set's size is full-batch gradient descent, 1 is stochastic,
 * anything between is minibatch; the last partial batch is kept or dropped ({@link Batches.LastBatch}).
 * <b>Determinism</b>: for a given seed the trained model is the same bytes for any thread count (shards are fixed,
 * sums ordered; {@link DataParallel}).
 */
public final class Trainer {
    /** What early stopping watches. */
    public enum Monitor { VALIDATION_LOSS, VALIDATION_ACCURACY }

    private int epochs = 10;
    private int batchSize = 32;
    private Batches.LastBatch lastBatch = Batches.LastBatch.KEEP;
    private boolean stratified;
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int shardRows = DataParallel.DEFAULT_SHARD_ROWS;
    private Schedule schedule;
    private ReduceOnPlateau plateau;
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;
    private ParameterAverage average;
    private int patience = -1;
    private Monitor monitor = Monitor.VALIDATION_LOSS;
    private boolean restoreBest = true;
    private double tolerance = Double.NaN;
    private final List<TrainingListener> listeners = new ArrayList<>();

    /** Passes over the training data (≥ 1, default 10). */
    public Trainer epochs(int epochs) {
        this.epochs = positive("epochs", epochs);
        return this;
    }

    /** Rows per batch (≥ 1, default 32; the data set's size for full-batch descent). */
    public Trainer batchSize(int batchSize) {
        this.batchSize = positive("batch size", batchSize);
        return this;
    }

    /** Keep (default) or drop a last partial batch. */
    public Trainer lastBatch(Batches.LastBatch policy) {
        this.lastBatch = policy;
        return this;
    }

    /** Class-balanced batches (off by default). */
    public Trainer stratified(boolean on) {
        this.stratified = on;
        return this;
    }

    /** Seed of the epoch orders (default 1). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Worker threads (default: available processors); the result does not depend on it. */
    public Trainer threads(int threads) {
        this.threads = positive("threads", threads);
        return this;
    }

    /**
     * Rows per data-parallel shard (default {@link DataParallel#DEFAULT_SHARD_ROWS}); changes the arithmetic's
     * grouping, so the bits.
     */
    public Trainer shardRows(int rows) {
        this.shardRows = positive("shard rows", rows);
        return this;
    }

    /** A learning-rate schedule, applied to every parameter group at each epoch or iteration (its unit). */
    public Trainer schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Reduce-on-plateau on the validation loss (or the training loss without validation data), per epoch. */
    public Trainer reduceOnPlateau(ReduceOnPlateau plateau) {
        this.plateau = plateau;
        return this;
    }

    /** Clips the global L2 norm of the gradient to {@code maxNorm} before each step (textbook F43). */
    public Trainer clipNorm(double maxNorm) {
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clips each gradient value to [−c, c] before each step. */
    public Trainer clipValue(double c) {
        this.clipValue = c;
        return this;
    }

    /** Keeps a parameter average (Polyak, textbook F44) updated after every step and evaluates with it. */
    public Trainer average(ParameterAverage average) {
        this.average = average;
        return this;
    }

    /** Early stopping after {@code patience} epochs without improvement of {@code monitor}; best weights restored. */
    public Trainer earlyStopping(int patience, Monitor monitor, boolean restoreBest) {
        this.patience = positive("patience", patience);
        this.monitor = monitor;
        this.restoreBest = restoreBest;
        return this;
    }

    /** Stops when two consecutive epochs' training losses differ by less than ε (lectures B12). */
    public Trainer tolerance(double epsilon) {
        this.tolerance = epsilon;
        return this;
    }

    /** Adds a listener. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** The configured batch size. */
    public int batchSize() {
        return batchSize;
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
        return v;
    }

    /**
     * Trains {@code model} with {@code optimizer} (over the model's buffers) on {@code train}, evaluating on
     * {@code validation} (may be null) after each epoch.
     */
    public History fit(Sequential model, Optimizer optimizer, Dataset train, Dataset validation) {
        if (train.width() != model.inputWidth()) {
            throw new IllegalArgumentException(train.name() + " has " + train.width() + " features, the model expects "
                    + model.inputWidth());
        }
        if (train.classes() > model.outputWidth()) {
            throw new IllegalArgumentException(train.name() + " has " + train.classes() + " classes, the model has "
                    + model.outputWidth() + " outputs");
        }
        int n = train.rows(), width = train.width(), batch = Math.min(batchSize, n);
        int fullBatches = n / batch, partial = n % batch;
        int batches = fullBatches + (partial > 0 && lastBatch == Batches.LastBatch.KEEP ? 1 : 0);
        float[] xb = new float[batch * width];
        int[] yb = new int[batch];
        int[] order = new int[n];
        List<Tensor> gradientTensors = new ArrayList<>();
        for (ParameterTensor t : model.parameterTensors()) {
            gradientTensors.add(new Tensor(model.gradients(), t.offset(), t.length()));
        }
        List<EpochResult> results = new ArrayList<>();
        History.StopReason reason = History.StopReason.COMPLETED;
        double best = Double.NaN, previousLoss = Double.NaN;
        int bestEpoch = 0;
        float[] bestParams = null, bestStats = null;
        long iteration = optimizer.steps();
        try (DataParallel parallel = new DataParallel(model, threads, shardRows, batch)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (schedule != null && schedule.unit() == Schedule.Unit.EPOCH) {
                    Optimizers.setLr(optimizer, schedule.rate(epoch - 1));
                }
                Batches.order(train, seed, epoch - 1, stratified, order);
                long start = System.nanoTime();
                double lossSum = 0;
                int right = 0, seen = 0;
                for (int b = 0; b < batches; b++) {
                    int rows = Math.min(batch, n - b * batch);
                    for (int r = 0; r < rows; r++) {
                        int src = order[b * batch + r];
                        System.arraycopy(train.features(), src * width, xb, r * width, width);
                        yb[r] = train.labels()[src];
                    }
                    if (schedule != null && schedule.unit() == Schedule.Unit.ITERATION) {
                        Optimizers.setLr(optimizer, schedule.rate(iteration));
                    }
                    DataParallel.Result result = parallel.computeGradients(xb, yb, rows, model.trainingSteps());
                    model.setTrainingSteps(model.trainingSteps() + 1);
                    if (!Double.isFinite(result.loss())) {
                        reason = History.StopReason.DIVERGED;
                        break;
                    }
                    if (!Double.isNaN(clipValue)) {
                        for (Tensor t : gradientTensors) {
                            GradientClipping.byValue(t, (float) clipValue);
                        }
                    }
                    if (!Double.isNaN(clipNorm)) {
                        GradientClipping.byGlobalNorm(gradientTensors, clipNorm);
                    }
                    optimizer.step();
                    iteration++;
                    if (average != null) {
                        average.update(model.parameters(), 0);
                    }
                    lossSum += result.loss() * rows;
                    right += result.correct();
                    seen += rows;
                    for (TrainingListener l : listeners) {
                        l.batchEnd(epoch, b, batches, result.loss());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (reason == History.StopReason.DIVERGED) {
                    results.add(new EpochResult(epoch, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            optimizer.groups().getFirst().lr(), seconds, seen / seconds));
                    break;
                }
                double trainLoss = lossSum / seen;
                double valLoss = Double.NaN, valAccuracy = Double.NaN;
                if (validation != null) {
                    if (average != null && average.steps() > 0) {
                        average.swapIn(model.parameters(), 0);
                    }
                    Evaluation e = Evaluation.of(model, validation);
                    if (average != null && average.steps() > 0) {
                        average.swapOut(model.parameters(), 0);
                    }
                    valLoss = e.loss();
                    valAccuracy = e.accuracy();
                }
                if (plateau != null) {
                    Optimizers.setLr(optimizer, plateau.observe(validation != null ? valLoss : trainLoss));
                }
                EpochResult r = new EpochResult(epoch, trainLoss, (double) right / seen, valLoss, valAccuracy,
                        optimizer.groups().getFirst().lr(), seconds, seen / seconds);
                results.add(r);
                for (TrainingListener l : listeners) {
                    l.epochEnd(r);
                }
                double metric = monitor == Monitor.VALIDATION_ACCURACY ? -valAccuracy : valLoss;
                if (patience > 0 && validation != null) {
                    if (Double.isNaN(best) || metric < best) {
                        best = metric;
                        bestEpoch = epoch;
                        if (restoreBest) {
                            bestParams = model.parameters().clone();
                            bestStats = model.statistics().clone();
                        }
                    } else if (epoch - bestEpoch >= patience) {
                        reason = History.StopReason.EARLY_STOPPING;
                        break;
                    }
                }
                if (!Double.isNaN(tolerance) && Math.abs(trainLoss - previousLoss) < tolerance) {
                    reason = History.StopReason.CONVERGED;
                    break;
                }
                previousLoss = trainLoss;
                if (listeners.stream().anyMatch(l -> l.shouldStop(r))) {
                    reason = History.StopReason.CALLBACK;
                    break;
                }
            }
        }
        int finalEpoch = results.isEmpty() ? 0 : results.getLast().epoch();
        if (bestParams != null && bestEpoch != finalEpoch) {
            System.arraycopy(bestParams, 0, model.parameters(), 0, bestParams.length);
            System.arraycopy(bestStats, 0, model.statistics(), 0, bestStats.length);
            finalEpoch = bestEpoch;
        }
        return new History(List.copyOf(results), reason, finalEpoch);
    }
}
