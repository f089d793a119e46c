package dev.simdnn.layers;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Backend;
import dev.simdnn.core.FreshJvm;
import dev.simdnn.layers.check.GradientCheck;
import dev.simdnn.layers.check.GradientCheckReport;
import dev.simdnn.layers.check.ModelObjective;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.BinaryCrossEntropy;
import dev.simdnn.layers.loss.MulticlassHinge;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.layers.loss.SquaredError;
import dev.simdnn.layers.loss.Targets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SequentialTest {
    static float[] gaussian(int n, long seed) {
        SeededRandom r = new SeededRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static int[] labels(int n, int classes, long seed) {
        SeededRandom r = new SeededRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    private static GradientCheckReport check(Sequential model, int batch, Targets t, Pass pass) {
        float[] x = gaussian(batch * model.inputWidth(), 11);
        GradientCheckReport r = ModelObjective.check(model, batch, x, 0, t, pass, GradientCheck.Options.defaults());
        System.out.println(model + "\n" + r);
        return r;
    }

    @Test
    void theTestRunUsesTheVectorBackend() {
        assertEquals(Backend.PANAMA, Backend.active(), "-Dsimdnn.requireBackend=panama should have been enforced");
    }

    @Test
    void smoothStackWithBatchNormPassesAt1e7() {
        Sequential model = Sequential.builder(5).dense(7, false, Activation.IDENTITY).batchNorm()
                .activation(Activation.TANH).dense(4, Activation.SIGMOID).dense(3, Activation.IDENTITY).seed(3).build();
        GradientCheckReport r = check(model, 6, Targets.labels(labels(6, 3, 1)), Pass.training(0, 0));
        assertTrue(r.passes(1e-7), r.toString());
        assertEquals(0, r.kinks());
        assertEquals(model.parameterTensors().size() + 1, r.blocks().size());
    }

    @Test
    void reluMaxoutDropoutStackPassesAt1e4WithKinksSkipped() {
        Sequential model = Sequential.builder(6).dense(8, Activation.RELU).dropout(0.3).maxout(5, 3)
                .dense(4, Activation.LEAKY_RELU).dense(3, Activation.IDENTITY).seed(5).build();
        GradientCheckReport r = check(model, 9, Targets.labels(labels(9, 3, 2)), Pass.training(7, 0));
        assertTrue(r.passes(1e-4), r.toString());
    }

    @Test
    void everyLossHeadAlonePassesGradientCheck() {
        int batch = 5, width = 4;
        float[] values = gaussian(batch * width, 3);
        float[] probabilities = new float[batch * width];
        for (int i = 0; i < values.length; i++) {
            probabilities[i] = (float) (1 / (1 + Math.exp(-values[i])));
        }
        float[] soft = new float[batch * width];
        dev.simdnn.core.Losses.softmax(batch, width, values, 0, soft, 0);
        Object[][] cases = {
                {new SoftmaxCrossEntropy(), Targets.labels(labels(batch, width, 4))},
                {new SoftmaxCrossEntropy(dev.simdnn.core.Reduction.SUM), Targets.values(soft)},
                {new SquaredError(), Targets.values(values)},
                {new SquaredError(dev.simdnn.core.Reduction.SUM, false), Targets.values(values)},
                {new BinaryCrossEntropy(), Targets.values(probabilities)},
                {new MulticlassHinge(), Targets.labels(labels(batch, width, 5))},
        };
        for (Object[] c : cases) {
            Sequential model = Sequential.builder(3).dense(width, Activation.IDENTITY)
                    .loss((dev.simdnn.layers.loss.LossHead) c[0]).seed(9).build();
            GradientCheckReport r = check(model, batch, (Targets) c[1], Pass.training(0, 0));
            assertTrue(r.passes(c[0] instanceof MulticlassHinge ? 1e-4 : 1e-7), c[0].getClass() + "\n" + r);
        }
    }

    @Test
    void tiedWeightsSumTheirGradients() {
        SequentialBuilder b = Sequential.builder(6).dense(3, Activation.TANH);
        Dense encoder = (Dense) b.last();
        Sequential model = b.add(Dense.tiedTo(encoder, true, Activation.IDENTITY, Float.NaN))
                .loss(new SquaredError()).seed(2).build();
        assertEquals(6 * 3 + 3 + 6, model.parameterCount(), "one shared weight, two biases");
        float[] x = gaussian(4 * 6, 8);
        GradientCheckReport r = ModelObjective.check(model, 4, x, 0, Targets.values(x), Pass.training(0, 0),
                GradientCheck.Options.defaults());
        assertTrue(r.passes(1e-7), r.toString());
    }

    @Test
    void auxiliaryLossesAddToTheBackpropagatedGradient() {
        Sequential model = Sequential.builder(4).dense(6, Activation.SIGMOID).auxiliaryLoss(AuxiliaryLoss.l2Activity(0.3))
                .dense(5, Activation.TANH).auxiliaryLoss(AuxiliaryLoss.l1Activity(0.1)).dense(2, Activation.IDENTITY)
                .seed(4).build();
        GradientCheckReport r = check(model, 5, Targets.labels(labels(5, 2, 6)), Pass.training(0, 0));
        assertTrue(r.passes(1e-4), r.toString());
        // and the float path includes them: the loss with penalties exceeds the one without
        Sequential plain = Sequential.builder(4).dense(6, Activation.SIGMOID).dense(5, Activation.TANH)
                .dense(2, Activation.IDENTITY).seed(4).build();
        float[] x = gaussian(20, 11);
        double with = model.computeGradients(5, x, 0, Targets.labels(labels(5, 2, 6)));
        double without = plain.computeGradients(5, x, 0, Targets.labels(labels(5, 2, 6)));
        assertTrue(with > without + 0.01, with + " vs " + without);
    }

    @Test
    void batchNormInEvaluationModeUsesRunningStatistics() {
        Sequential model = Sequential.builder(3).dense(4, Activation.IDENTITY).batchNorm().dense(2, Activation.IDENTITY)
                .seed(1).build();
        float[] x = gaussian(8 * 3, 2);
        for (int i = 0; i < 5; i++) {
            model.computeGradients(8, x, 0, Targets.labels(labels(8, 2, 1)));
        }
        GradientCheckReport r = check(model, 3, Targets.labels(labels(3, 2, 1)), Pass.evaluation());
        assertTrue(r.passes(1e-7), r.toString());
        // running statistics moved from (0, 1)
        float[] stats = model.statistics();
        assertTrue(stats[0] != 0f && stats[4] != 1f, Arrays.toString(stats));
    }

    /** The float production gradients against the double reference on a kink-free stack. */
    @Test
    void floatPathMatchesTheDoubleReference() {
        Sequential model = Sequential.builder(20).dense(32, Activation.GELU).batchNorm().dense(16, Activation.TANH)
                .dropout(0.25).dense(10, Activation.IDENTITY).seed(8).build();
        int batch = 13;
        float[] x = gaussian(batch * 20, 4);
        Targets t = Targets.labels(labels(batch, 10, 3));
        Pass pass = Pass.training(3, 0);
        Workspace ws = model.newWorkspace(batch, model.gradients());
        model.zeroGradients();
        double loss = model.computeGradients(ws, pass, batch, x, 0, t, 0, true);
        ModelObjective f = new ModelObjective(model, batch, t, pass);
        double[] g = new double[f.dimension()];
        double ref = f.valueAndGradient(f.point(x, 0), g);
        assertEquals(ref, loss, 1e-5 * Math.abs(ref));
        for (ParameterTensor tensor : model.parameterTensors()) {
            double e = normwise(model.gradients(), tensor.offset(), g, tensor.offset(), tensor.length());
            assertTrue(e < 1e-4, tensor.name() + " relative error " + e);
        }
        double e = normwise(ws.inputGradient(), 0, g, model.parameterCount(), batch * 20);
        assertTrue(e < 1e-4, "input gradient relative error " + e);
    }

    static double normwise(float[] a, int aOff, double[] b, int bOff, int n) {
        double d = 0, nb = 0;
        for (int i = 0; i < n; i++) {
            d += (a[aOff + i] - b[bOff + i]) * (a[aOff + i] - b[bOff + i]);
            nb += b[bOff + i] * b[bOff + i];
        }
        return Math.sqrt(d) / Math.max(Math.sqrt(nb), 1e-30);
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Sequential model = Sequential.mlp("6-5-3", Activation.TANH, new SoftmaxCrossEntropy(), 1);
        float[] x = gaussian(4 * 6, 1);
        Targets t = Targets.labels(labels(4, 3, 1));
        model.computeGradients(4, x, 0, t);
        float[] once = model.gradients().clone();
        model.computeGradients(4, x, 0, t);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], model.gradients()[i], 1e-6f * Math.abs(once[i]) + 1e-12f);
        }
        model.zeroGradients();
        assertTrue(Arrays.equals(new float[once.length], model.gradients()));
    }

    @Test
    void trainingReducesTheLoss() {
        Sequential model = Sequential.builder(2).dense(16, Activation.TANH).dense(2, Activation.IDENTITY).seed(1).build();
        int n = 64;
        float[] x = gaussian(n * 2, 5);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;               // XOR-like quadrants
        }
        Targets t = Targets.labels(y);
        double first = model.evaluateLoss(n, x, 0, t);
        for (int step = 0; step < 500; step++) {
            model.zeroGradients();
            model.computeGradients(n, x, 0, t);
            dev.simdnn.core.Blas1.axpy(model.parameterCount(), -0.5f, model.gradients(), 0, model.parameters(), 0);
        }
        double last = model.evaluateLoss(n, x, 0, t);
        assertTrue(last < 0.3 * first, first + " -> " + last);
    }

    /**
     * Steady state: a training step and an inference call allocate nothing on the calling thread, measured in a
     * fresh JVM ({@link AllocationProbe}), whose profile is the probe's own.
     *
     * <p>Up to three fresh JVMs, and the first that reaches 0 bytes passes: what C2 inlines is a JIT decision that
     * varies from JVM to JVM, and a kernel that allocates in every JVM still fails here. Measured on 2026-12-01 (Zen
     * 3): 3 of 60 JVMs allocated 1,689,600 bytes per 100 steps (the tanh epilogue boxed: its reinterpret intrinsic, C2's
     * node-count cut-off for inlining), and 0 of 100 once FloatMathPanama and ActivationPanama were restructured for
     * C2 (their class comments say how).
     */
    @Test
    void trainingStepsAndInferenceAllocateNothing() throws Exception {
        StringBuilder outputs = new StringBuilder();
        for (int jvm = 0; jvm < 3; jvm++) {
            FreshJvm.Result run = FreshJvm.run(List.of("--add-modules", "jdk.incubator.vector"), AllocationProbe.class);
            assertEquals(0, run.exitCode(), run.output());
            if (run.output().lines().anyMatch("bytes per 100 steps: 0"::equals)) {
                return;
            }
            outputs.append("JVM ").append(jvm + 1).append(": ").append(run.output().strip()).append('\n');
        }
        fail("every fresh JVM allocated in steady state:\n" + outputs);
    }

    @Test
    void badInputIsNamed() {
        Sequential model = Sequential.mlp("4-3-2", Activation.RELU, new SoftmaxCrossEntropy(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(new float[3]));
        assertTrue(e.getMessage().contains("dense1 expects a sample of 4 features, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> model.computeGradients(2, new float[7], 0, Targets.labels(new int[]{0, 1})));
        assertTrue(e.getMessage().contains("expects 4 features per sample: a batch of 2 needs 8 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> model.computeGradients(0, new float[8], 0, Targets.labels(new int[]{0, 1})));
        assertTrue(e.getMessage().contains("at least 1 row, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> model.computeGradients(2, new float[8], 0, Targets.labels(new int[]{0, 2})));
        assertTrue(e.getMessage().contains("softmax_cross_entropy: label 2 of row 1") && e.getMessage().contains(
                "outside [0, 2)"), e.getMessage());
        float[] nan = new float[8];
        nan[5] = Float.NaN;
        model.predict(2, nan, 0, new float[4], 0);               // unchecked by default
        model.setCheckFinite(true);
        e = assertThrows(IllegalArgumentException.class, () -> model.predict(2, nan, 0, new float[4], 0));
        assertTrue(e.getMessage().contains("model input has NaN at row 1, column 1"), e.getMessage());
        Sequential bn = Sequential.builder(3).dense(3, Activation.IDENTITY).batchNorm().dense(2, Activation.IDENTITY)
                .build();
        e = assertThrows(IllegalArgumentException.class,
                () -> bn.computeGradients(1, new float[3], 0, Targets.labels(new int[]{0})));
        assertTrue(e.getMessage().startsWith("batchnorm2: batch norm in training needs at least 2 rows"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sequential.builder(4).dense(3, Activation.RELU).add(new BatchNormLayer(5)));
        assertTrue(e.getMessage().contains("batchnorm expects 5 inputs, but the previous layer gives 3"), e.getMessage());
    }

    @Test
    void singleSamplesEqualBatchedRows() {
        Sequential model = Sequential.mlp("30-40-20-5", Activation.RELU, new SoftmaxCrossEntropy(), 2);
        int n = 300;                                              // more than one inference chunk
        float[] x = gaussian(n * 30, 6);
        float[] batched = new float[n * 5];
        model.predict(n, x, 0, batched, 0);
        for (int r = 0; r < n; r += 37) {
            float[] one = model.predict(Arrays.copyOfRange(x, r * 30, r * 30 + 30));
            // same GEMM arithmetic for every row: equal bits, not just close
            assertArrayEquals(Arrays.copyOfRange(batched, r * 5, r * 5 + 5), one, "row " + r);
        }
    }

    /** Bitwise, transcendental activations included (their exp/tanh are plain arithmetic on every JIT tier). */
    @Test
    void concurrentInferenceFromEightThreadsEqualsSequential() throws Exception {
        Sequential model = Sequential.builder(64).dense(128, Activation.RELU).batchNorm().dropout(0.5)
                .dense(64, Activation.HARD_TANH).dense(48, Activation.TANH).dense(32, Activation.GELU)
                .dense(10, Activation.IDENTITY).seed(3).build();
        float[] train = gaussian(32 * 64, 1);
        for (int i = 0; i < 3; i++) {
            model.computeGradients(32, train, 0, Targets.labels(labels(32, 10, i)));
        }
        int n = 200;
        float[] x = gaussian(n * 64, 2);
        float[] expected = new float[n * 10];
        model.predict(n, x, 0, expected, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    float[] out = new float[n * 10];
                    for (int rep = 0; rep < 20; rep++) {
                        for (int r = thread; r < n; r += 8) {        // each thread interleaves single rows ...
                            model.predict(1, x, r * 64, out, r * 10);
                        }
                    }
                    float[] all = new float[n * 10];
                    model.predict(n, x, 0, all, 0);                   // ... and whole batches
                    assertArrayEquals(expected, all);
                    return out;
                }));
            }
            for (int t = 0; t < 8; t++) {
                float[] out = futures.get(t).get();
                for (int r = t; r < n; r += 8) {
                    assertArrayEquals(Arrays.copyOfRange(expected, r * 10, r * 10 + 10),
                            Arrays.copyOfRange(out, r * 10, r * 10 + 10), "thread " + t + " row " + r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void diagnosticsReportDeadUnitsAndNorms() {
        Sequential model = Sequential.mlp("4-6-2", Activation.RELU, new SoftmaxCrossEntropy(), 1);
        Dense first = (Dense) model.layers().getFirst();
        for (int j = 0; j < 3; j++) {                    // kill units 0..2: weights 0, bias −1
            for (int i = 0; i < 4; i++) {
                model.parameters()[first.weightOffset() + i * 6 + j] = 0f;
            }
            model.parameters()[first.biasOffset() + j] = -1f;
        }
        float[] x = gaussian(10 * 4, 3);
        model.computeGradients(10, x, 0, Targets.labels(labels(10, 2, 1)));
        Diagnostics d = Diagnostics.of(model, model.trainingWorkspace(), 10);
        System.out.println(d);
        assertTrue(d.layers().get(0).deadFraction() >= 0.5, d.toString());
        assertTrue(Double.isNaN(d.layers().get(1).deadFraction()));
        assertTrue(d.layers().get(0).weightNorm() > 0 && d.layers().get(0).gradientNorm() > 0);
    }

    @Test
    void dropoutIsIdentityInEvaluationAndSplitInvariantInTraining() {
        Sequential model = Sequential.builder(8).dropout(0.5).dense(3, Activation.IDENTITY).seed(4).build();
        float[] x = gaussian(6 * 8, 1);
        Targets t = Targets.labels(labels(6, 3, 1));
        Workspace whole = model.newWorkspace(6, new float[model.parameterCount()]);
        Workspace part = model.newWorkspace(6, new float[model.parameterCount()]);
        model.computeGradients(whole, Pass.training(5, 0), 6, x, 0, t, 0, false);
        model.forward(part, Pass.training(5, 4), 2, x, 4 * 8);      // rows 4, 5 alone, told where they sit
        assertArrayEquals(Arrays.copyOfRange(whole.output(0), 4 * 8, 6 * 8), Arrays.copyOf(part.output(0), 16));
        model.forward(part, Pass.evaluation(), 6, x, 0);
        assertArrayEquals(Arrays.copyOf(x, 48), Arrays.copyOf(part.output(0), 48));
    }
}
