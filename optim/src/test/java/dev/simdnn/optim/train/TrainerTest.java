package dev.simdnn.optim.train;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.Pass;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.layers.loss.Targets;
import dev.simdnn.optim.Optimizer;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.data.DataSets;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static Dataset train;
    static Dataset test;

    @BeforeAll
    static void digits() {
        Dataset.Split s = DataSets.digits().split(0.2, 1);
        Preprocessor p = Preprocessor.parse("standardize");
        p.fit(s.first());
        train = p.apply(s.first());
        test = p.apply(s.second());
    }

    static Sequential model(boolean regularised) {
        var b = Sequential.builder(64).seed(5).loss(new SoftmaxCrossEntropy());
        if (regularised) {
            b.dense(48, false, Activation.IDENTITY).batchNorm().activation(Activation.RELU).dropout(0.2);
        } else {
            b.dense(48, Activation.RELU);
        }
        return b.dense(10, Activation.IDENTITY).build();
    }

    /** The same seed gives the same model bytes for 1, 2 and 3 threads (dropout and batch norm included). */
    @Test
    void trainingIsBitwiseDeterministicAcrossThreadCounts() {
        assertSameBitsForOneTwoThreeThreads(() -> model(true));
    }

    /**
     * The same with every transcendental activation: their exp/tanh are plain arithmetic (FloatMath), so neither the
     * thread split nor the JIT tier a call meets can change a bit.
     */
    @Test
    void trainingWithTranscendentalActivationsIsBitwiseDeterministicAcrossThreadCounts() {
        assertSameBitsForOneTwoThreeThreads(() -> Sequential.builder(64).seed(6).loss(new SoftmaxCrossEntropy())
                .dense(40, Activation.TANH).dense(32, Activation.GELU).dense(24, Activation.SIGMOID)
                .dense(20, Activation.ELU).dense(16, Activation.SOFTPLUS).dense(10, Activation.IDENTITY).build());
    }

    private static void assertSameBitsForOneTwoThreeThreads(java.util.function.Supplier<Sequential> architecture) {
        int[][] bits = new int[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Sequential m = architecture.get();
            Optimizer adam = Optimizers.create("adam", m, Map.of());
            new Trainer().epochs(2).batchSize(100).shardRows(32).threads(threads).seed(3).fit(m, adam, train, null);
            float[] p = m.parameters();
            bits[threads - 1] = new int[p.length + m.statistics().length];
            for (int i = 0; i < p.length; i++) {
                bits[threads - 1][i] = Float.floatToRawIntBits(p[i]);
            }
            for (int i = 0; i < m.statistics().length; i++) {
                bits[threads - 1][p.length + i] = Float.floatToRawIntBits(m.statistics()[i]);
            }
        }
        assertArrayEquals(bits[0], bits[1], "1 vs 2 threads");
        assertArrayEquals(bits[0], bits[2], "1 vs 3 threads");
    }

    /**
     * The data-parallel gradient equals the serial one: exactly when the batch is one shard, and within float
     * rounding (1e-5 of the gradient's norm) when it is cut into shards and summed.
     */
    @Test
    void dataParallelGradientEqualsTheSerialGradient() {
        Sequential m = model(false);
        int batch = 150;
        float[] x = Arrays.copyOf(train.features(), batch * 64);
        int[] y = Arrays.copyOf(train.labels(), batch);
        m.zeroGradients();
        double serialLoss = m.computeGradients(m.newWorkspace(batch, m.gradients()), Pass.training(0, 0), batch, x, 0,
                Targets.labels(y), 0, false);
        float[] serial = m.gradients().clone();
        try (DataParallel one = new DataParallel(m, 2, batch, batch)) {
            double loss = one.computeGradients(x, y, batch, 0).loss();
            assertEquals(serialLoss, loss);
            for (int i = 0; i < serial.length; i++) {
                assertEquals(serial[i], m.gradients()[i], 0f, "one shard: the same arithmetic, entry " + i);
            }
        }
        try (DataParallel sharded = new DataParallel(m, 3, 32, batch)) {
            double loss = sharded.computeGradients(x, y, batch, 0).loss();
            assertEquals(serialLoss, loss, 1e-6 * serialLoss);
            double diff = 0, norm = 0;
            for (int i = 0; i < serial.length; i++) {
                diff += Math.pow(serial[i] - m.gradients()[i], 2);
                norm += Math.pow(serial[i], 2);
            }
            assertTrue(Math.sqrt(diff) <= 1e-5 * Math.sqrt(norm), "relative difference " + Math.sqrt(diff / norm));
        }
    }

    /** Every optimizer of the optimizer issue trains the digits MLP (64-48-10 ReLU) above 90 % in its budget. */
    @ParameterizedTest(name = "{0} lr {1}, batch {2}, {3} epochs")
    @CsvSource({"sgd, 0.1, 32, 10", "momentum, 0.01, 32, 10", "nesterov, 0.01, 32, 10", "adam, 0.001, 32, 10",
            "amsgrad, 0.001, 32, 10", "adamw, 0.001, 32, 10", "rmsprop, 0.001, 32, 10", "adagrad, 0.05, 32, 10",
            "adadelta, 1.0, 32, 10", "adamax, 0.002, 32, 10", "nadam, 0.002, 32, 10",
            "rprop, 0.01, 1438, 60"})   // Rprop is a full-batch method (lectures M39): 60 full-batch steps
    void everyOptimizerTrainsTheDigitsMlpAbove90Percent(String name, double lr, int batch, int epochs) {
        Sequential m = model(false);
        Optimizer o = Optimizers.create(name, m, Map.of("lr", lr));
        History h = new Trainer().epochs(epochs).batchSize(batch).threads(2).fit(m, o, train, null);
        double accuracy = Evaluation.of(m, test).accuracy();
        System.out.printf("%-9s test accuracy %.4f after %d epochs%n", name, accuracy, h.epochs().size());
        assertTrue(accuracy > 0.90, name + ": " + accuracy);
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        Dataset.Split s = train.split(0.3, 2);
        Sequential m = model(false);
        Optimizer o = Optimizers.create("adam", m, Map.of("lr", 0.01));
        History h = new Trainer().epochs(60).batchSize(16).earlyStopping(3, Trainer.Monitor.VALIDATION_LOSS, true)
                .fit(m, o, s.first(), s.second());
        assertEquals(History.StopReason.EARLY_STOPPING, h.stopReason());
        double bestLoss = h.epochs().stream().mapToDouble(EpochResult::validationLoss).min().orElseThrow();
        assertEquals(bestLoss, h.epochs().get(h.bestEpoch() - 1).validationLoss());
        assertEquals(bestLoss, Evaluation.of(m, s.second()).loss(), 1e-9, "the model holds the best epoch's weights");
        assertTrue(h.epochs().size() == h.bestEpoch() + 3, "stopped 3 epochs after the best");
    }

    @Test
    void stoppingRuleAndDivergenceAndSchedules() {
        Sequential m = model(false);
        History h = new Trainer().epochs(1000).batchSize(train.rows()).tolerance(1e-3)
                .fit(m, Optimizers.create("sgd", m, Map.of("lr", 0.5)), train, null);
        assertEquals(History.StopReason.CONVERGED, h.stopReason());
        int n = h.epochs().size();
        assertTrue(n < 1000 && Math.abs(h.epochs().get(n - 1).trainLoss() - h.epochs().get(n - 2).trainLoss()) < 1e-3);

        Sequential d = model(false);
        History diverged = new Trainer().epochs(5).batchSize(32)
                .fit(d, Optimizers.create("sgd", d, Map.of("lr", 1e6)), train, null);
        assertEquals(History.StopReason.DIVERGED, diverged.stopReason());

        Sequential s = model(false);
        Optimizer o = Optimizers.create("sgd", s, Map.of("lr", 0.1));
        History stepped = new Trainer().epochs(4).schedule(dev.simdnn.optim.schedule.Schedule.step(0.1, 2, 0.5,
                dev.simdnn.optim.schedule.Schedule.Unit.EPOCH)).fit(s, o, train, null);
        assertEquals(0.1, stepped.epochs().get(1).learningRate(), 1e-12);
        assertEquals(0.05, stepped.epochs().get(2).learningRate(), 1e-12);
    }

    /** Polyak (EMA) evaluation: the average follows every step, validation runs on it, training keeps its own. */
    @Test
    void averagedEvaluationUsesTheAverageAndRestoresTheWeights() {
        Sequential m = model(false);
        Optimizer o = Optimizers.create("adam", m, Map.of());
        var ema = new dev.simdnn.optim.avg.ExponentialAverage(m.parameterCount(), 0.9f);
        History h = new Trainer().epochs(3).batchSize(32).average(ema).fit(m, o, train, test);
        int batches = (train.rows() + 31) / 32;
        assertEquals(3L * batches, ema.steps());
        float[] averaged = new float[m.parameterCount()];
        ema.value(averaged, 0);
        assertTrue(!Arrays.equals(averaged, m.parameters()), "the model keeps its trained weights, not the average");
        float[] trained = m.parameters().clone();
        System.arraycopy(averaged, 0, m.parameters(), 0, averaged.length);
        assertEquals(Evaluation.of(m, test).accuracy(), h.last().validationAccuracy(), 1e-12,
                "validation ran on the averaged weights");
        System.arraycopy(trained, 0, m.parameters(), 0, trained.length);
    }

    @Test
    void stratifiedBatchesHoldEveryClassInProportion() {
        int[] order = new int[train.rows()];
        Batches.order(train, 7, 0, true, order);
        int[] counts = train.classCounts();
        int batch = 50;
        for (int b = 0; b + batch <= order.length; b += batch) {
            int[] inBatch = new int[10];
            for (int i = b; i < b + batch; i++) {
                inBatch[train.labels()[order[i]]]++;
            }
            for (int c = 0; c < 10; c++) {
                double expected = (double) batch * counts[c] / train.rows();
                assertTrue(Math.abs(inBatch[c] - expected) <= 1.5, "batch at " + b + ", class " + c + ": "
                        + inBatch[c] + " vs " + expected);
            }
        }
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "a permutation");
        }
    }
}
