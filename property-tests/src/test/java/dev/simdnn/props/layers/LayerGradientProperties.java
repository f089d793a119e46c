package dev.simdnn.props.layers;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.ActivationLayer;
import dev.simdnn.layers.BatchNormLayer;
import dev.simdnn.layers.Dense;
import dev.simdnn.layers.DropoutLayer;
import dev.simdnn.layers.Layer;
import dev.simdnn.layers.MaxoutLayer;
import dev.simdnn.layers.ParameterTensor;
import dev.simdnn.layers.Pass;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.Workspace;
import dev.simdnn.layers.check.GradientCheck;
import dev.simdnn.layers.check.GradientCheckReport;
import dev.simdnn.layers.check.ModelObjective;
import dev.simdnn.layers.init.Initializer;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.BinaryCrossEntropy;
import dev.simdnn.layers.loss.LossHead;
import dev.simdnn.layers.loss.MulticlassHinge;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.layers.loss.SquaredError;
import dev.simdnn.layers.loss.Targets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gradient checks in double (central differences, {@link GradientCheck}) of every layer and loss alone and of
 * random stacks ({@link Stacks}), at initialisation and after 20 (norm-clipped) SGD steps of the float model;
 * thresholds on the
 * per-tensor relative error: 1e-7 for smooth stacks, 1e-4 where kinks exist (entries within ±h of a kink are
 * detected by their one-sided slopes and skipped). The float32 production gradient equals the double reference
 * within {@link #FLOAT_BOUND} per tensor on smooth stacks.
 */
class LayerGradientProperties {
    private static final double SMOOTH = 1e-7;
    private static final double KINKED = 1e-4;
    /**
     * Float vs double, per tensor: ‖g_float − g_double‖ ≤ 2e-3·(‖g_double‖ + 1e-3·‖whole gradient‖). Float32
     * forward errors are ~1e-6 relative. Batch norm is compared on batches of at least 8 rows: on two rows its
     * input gradient (γ/(mσ))(m·dy − Σdy − x̂·Σdy·x̂) cancels to O(ε_bn/σ²) of its terms, so the float result is
     * rounding noise of terms 1/σ large (the double check of a batch-norm layer alone covers two-row batches; the
     * random stacks draw at least three rows under batch norm, see {@link Stacks}). Single-feature
     * widths under batch norm are excluded by {@link Stacks#any()} for the same kind of reason.
     */
    private static final double FLOAT_BOUND = 2e-3;
    private static final GradientCheck.Options OPTIONS = GradientCheck.Options.defaults().withMaxEntries(20);

    @Provide
    Arbitrary<Stacks> stacks() {
        return Stacks.any();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void randomStacksPassAtInitialisationAndAfterTraining(@ForAll("stacks") Stacks s) {
        Statistics.label("depth").collect(s.depth());
        Statistics.label("kind").collect(s.smooth() ? "smooth" : "kinked");
        Statistics.label("batch norm / dropout").collect(s.batchNorm() + " / " + (s.dropout() > 0));
        Sequential model = s.build();
        float[] x = s.input();
        Targets t = Targets.labels(s.labels());
        double threshold = s.smooth() ? SMOOTH : KINKED;
        Pass pass = Pass.training(3, 0);
        GradientCheckReport atStart = ModelObjective.check(model, s.batch(), x, 0, t, pass, OPTIONS);
        assertTrue(atStart.passes(threshold), s + "\nat initialisation:\n" + atStart);
        for (int step = 0; step < 20; step++) {
            // SGD with steps clipped to length 0.05: deep narrow linear stacks with dropout diverge at a plain
            // lr of 0.1, and the check wants a point away from initialisation, not a race to overflow
            model.zeroGradients();
            model.computeGradients(s.batch(), x, 0, t);
            double norm = dev.simdnn.core.Blas1.l2Norm(model.parameterCount(), model.gradients(), 0);
            float lr = (float) (0.05 / Math.max(norm, 1));
            dev.simdnn.core.Blas1.axpy(model.parameterCount(), -lr, model.gradients(), 0, model.parameters(), 0);
        }
        GradientCheckReport trained = ModelObjective.check(model, s.batch(), x, 0, t, pass, OPTIONS);
        assertTrue(trained.passes(threshold), s + "\nafter 20 steps:\n" + trained);
        Statistics.label("kinks skipped").collect(atStart.kinks() + trained.kinks() > 0 ? "some" : "none");
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void floatProductionPathMatchesTheDoubleReference(@ForAll("stacks") Stacks stack) {
        Stacks s = new Stacks(stack.inputWidth(), stack.widths(),
                stack.hidden().stream().map(a -> a == null ? Activation.TANH : switch (a) {
                    case IDENTITY, SIGMOID, TANH, SOFTPLUS, GELU -> a;
                    default -> Activation.SIGMOID;
                }).toList(), stack.pieces(), stack.batchNorm(), stack.dropout(), stack.classes(),
                stack.batchNorm() ? Math.max(8, stack.batch()) : stack.batch(), stack.seed());
        Sequential model = s.build();
        float[] x = s.input();
        Targets t = Targets.labels(s.labels());
        Pass pass = Pass.training(1, 0);
        Workspace ws = model.newWorkspace(s.batch(), model.gradients());
        model.zeroGradients();
        double loss = model.computeGradients(ws, pass, s.batch(), x, 0, t, 0, true);
        ModelObjective f = new ModelObjective(model, s.batch(), t, pass);
        double[] g = new double[f.dimension()];
        double ref = f.valueAndGradient(f.point(x, 0), g);
        assertTrue(Math.abs(loss - ref) <= 1e-5 * Math.max(1, Math.abs(ref)), "loss " + loss + " vs " + ref);
        double all = norm(g, 0, g.length);
        for (ParameterTensor tensor : model.parameterTensors()) {
            check(tensor.name(), model.gradients(), tensor.offset(), g, tensor.offset(), tensor.length(), all, s);
        }
        check("input", ws.inputGradient(), 0, g, model.parameterCount(), s.batch() * s.inputWidth(), all, s);
    }

    private static void check(String name, float[] a, int aOff, double[] b, int bOff, int n, double all, Stacks s) {
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += (a[aOff + i] - b[bOff + i]) * (a[aOff + i] - b[bOff + i]);
        }
        double bound = FLOAT_BOUND * (norm(b, bOff, n) + 1e-3 * all);
        assertTrue(Math.sqrt(d) <= bound, name + ": |float - double| = " + Math.sqrt(d) + " > " + bound
                + " (the tensor's gradient norm " + norm(b, bOff, n) + ", the whole's " + all + ") in " + s);
    }

    private static double norm(double[] a, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[off + i] * a[off + i];
        }
        return Math.sqrt(s);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyLayerAlonePasses(@ForAll @IntRange(min = 0, max = 4) int kind, @ForAll Activation activation,
                               @ForAll @IntRange(min = 1, max = 64) int width, @ForAll @IntRange(min = 1, max = 17) int rows,
                               @ForAll @IntRange(min = 1, max = 3) int pieces, @ForAll long seed) {
        int batch = kind == 2 ? Math.max(2, rows) : rows;
        Layer layer = switch (kind) {
            case 0 -> new Dense(width, 1 + (int) Math.floorMod(seed, 13L), seed % 2 == 0, activation, Float.NaN,
                    Initializer.xavierNormal());
            case 1 -> new ActivationLayer(width, activation, Float.NaN);
            case 2 -> new BatchNormLayer(width);
            case 3 -> new DropoutLayer(width, 0.4, seed);
            default -> new MaxoutLayer(width, pieces);
        };
        Statistics.label("layer").collect(layer.kind());
        Sequential model = Sequential.builder(layer.inputWidth()).seed(seed).add(layer).loss(new SquaredError()).build();
        float[] x = gaussian(batch * layer.inputWidth(), seed);
        float[] y = gaussian(batch * layer.outputWidth(), ~seed);
        boolean smooth = switch (kind) {
            case 0, 1 -> switch (activation) {
                case IDENTITY, SIGMOID, TANH, SOFTPLUS, GELU -> true;
                default -> false;
            };
            case 4 -> pieces == 1;
            default -> true;
        };
        GradientCheckReport r = ModelObjective.check(model, batch, x, 0, Targets.values(y), Pass.training(2, 0),
                OPTIONS);
        assertTrue(r.passes(smooth ? SMOOTH : KINKED), layer + "\n" + r);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyLossAlonePasses(@ForAll @IntRange(min = 0, max = 4) int kind, @ForAll Reduction reduction,
                              @ForAll @IntRange(min = 1, max = 12) int width, @ForAll @IntRange(min = 1, max = 17) int batch,
                              @ForAll long seed) {
        SeededRandom r = new SeededRandom(seed);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(width);
        }
        float[] values = gaussian(batch * width, seed);
        float[] unit = new float[values.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) r.nextDouble();
        }
        float[] soft = new float[values.length];
        dev.simdnn.core.Losses.softmax(batch, width, values, 0, soft, 0);
        LossHead head;
        Targets targets;
        switch (kind) {
            case 0 -> { head = new SoftmaxCrossEntropy(reduction); targets = Targets.labels(labels); }
            case 1 -> { head = new SoftmaxCrossEntropy(reduction); targets = Targets.values(soft); }
            case 2 -> { head = new SquaredError(reduction, seed % 2 == 0); targets = Targets.values(values); }
            case 3 -> { head = new BinaryCrossEntropy(reduction); targets = Targets.values(unit); }
            default -> { head = new MulticlassHinge(reduction, 1f); targets = Targets.labels(labels); }
        }
        Statistics.label("loss").collect(head.kind() + (kind == 1 ? " (soft)" : ""));
        Sequential model = Sequential.builder(3).seed(seed).dense(width, Activation.IDENTITY).loss(head).build();
        GradientCheckReport report = ModelObjective.check(model, batch, gaussian(batch * 3, ~seed), 0, targets,
                Pass.training(0, 0), OPTIONS);
        assertTrue(report.passes(head instanceof MulticlassHinge ? KINKED : SMOOTH), head.kind() + "\n" + report);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void directionModeAgreesOnSmoothStacks(@ForAll("stacks") Stacks s) {
        if (!s.smooth()) {
            return;
        }
        Sequential model = s.build();
        ModelObjective f = new ModelObjective(model, s.batch(), Targets.labels(s.labels()), Pass.training(0, 0));
        GradientCheckReport r = GradientCheck.checkDirections(f, f.point(s.input(), 0), f.blocks(), 3,
                GradientCheck.Options.defaults());
        assertTrue(r.passes(SMOOTH), r.toString());
    }

    static float[] gaussian(int n, long seed) {
        SeededRandom r = new SeededRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
