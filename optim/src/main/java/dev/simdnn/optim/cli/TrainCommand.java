package dev.simdnn.optim.cli;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Simd;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.SequentialBuilder;
import dev.simdnn.layers.init.Initializer;
import dev.simdnn.layers.io.ModelFile;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.optim.Optimizer;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.avg.ExponentialAverage;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.preprocess.Preprocessor;
import dev.simdnn.optim.schedule.ReduceOnPlateau;
import dev.simdnn.optim.schedule.Schedule;
import dev.simdnn.optim.train.DataParallel;
import dev.simdnn.optim.train.Evaluation;
import dev.simdnn.optim.train.History;
import dev.simdnn.optim.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code simdnn train}: trains an MLP classifier, reports test accuracy, writes the model, a CSV log and a chart. */
final class TrainCommand {
    static final Set<String> VALUED = Set.of("data", "data-dir", "test-fraction", "split-seed", "label-column",
            "hidden", "activation", "dropout", "init", "optimizer", "lr", "momentum", "beta1", "beta2", "eps",
            "weight-decay", "schedule", "clip-norm", "ema", "batch", "epochs", "seed", "threads", "shard-rows",
            "preprocess", "validation", "early-stop", "out", "log", "chart");
    static final Set<String> SWITCHES = Set.of("batch-norm", "header", "stratified", "drop-last", "quiet");

    static final String HELP = """
            train (the default command) flags:
            """ + DataChoice.FLAGS_HELP + """
              --preprocess P         none|center|standardize|minmax|pca[:k]|zca, fitted on the training part
                                     (default standardize; fashion-mnist: minmax)
              --hidden W1,W2,...     hidden layer widths (default 128,64)
              --activation F         identity|sigmoid|tanh|relu|leaky_relu|hard_tanh|elu|softplus|gelu (default relu)
              --batch-norm           batch norm before each hidden activation
              --dropout R            dropout rate after each hidden layer (default 0)
              --init NAME            weight initialiser, e.g. he_normal, xavier_uniform, orthogonal (default by
                                     activation)
              --optimizer NAME       sgd|momentum|nesterov|adam|amsgrad|adamw|rmsprop|adagrad|adadelta|adamax|nadam|
                                     rprop (default adam)
              --lr X --momentum X --beta1 X --beta2 X --eps X --weight-decay X
              --schedule S           constant | step:EVERY:GAMMA | exponential:K | cosine[:MIN] | plateau (per epoch)
              --clip-norm X          clip the global gradient norm to X
              --ema BETA             evaluate with an exponential moving average of the weights
              --batch N              batch size (default 32; the training set's size = full batch)
              --epochs N             (default 30 for digits, 10 otherwise)  --drop-last  --stratified
              --seed N               weights, dropout and batch order (default 1)
              --threads N            worker threads (default: all cores); the result does not depend on it
              --shard-rows N         rows per data-parallel shard (default 256); changes the sums' grouping
              --validation F         fraction of the training part held out for validation (default 0)
              --early-stop N         stop after N epochs without validation-loss improvement, keep the best
              --out FILE             model file (default out/<data>-model.simdnn)
              --log FILE --chart FILE  CSV log and SVG chart (default out/<data>-train.csv and .svg)
              --quiet                only the summary
            """;

    private TrainCommand() {}

    static int run(Flags flags, PrintStream out) throws UsageException, IOException {
        long wallStart = System.nanoTime();
        DataChoice data = DataChoice.load(flags);
        String name = data.spec().startsWith("csv:") ? Path.of(data.spec().substring(4)).getFileName().toString()
                .replaceAll("\\.csv(\\.gz)?$", "") : data.spec();
        Preprocessor pre = parsePreprocessor(flags.string("preprocess", data.spec().equals("fashion-mnist") ? "minmax"
                : "standardize"));
        Dataset train = data.train(), test = data.test(), validation = null;
        long seed = flags.integer("seed", 1, 0);
        double validationFraction = flags.fraction("validation", 0, true);
        if (validationFraction > 0) {
            Dataset.Split s = train.split(validationFraction, seed);
            train = s.first();
            validation = s.second();
        }
        if (pre != null) {
            pre.fit(train);
            train = pre.apply(train);
            test = pre.apply(test);
            validation = validation == null ? null : pre.apply(validation);
        }
        Sequential model = buildModel(flags, train.width(), train.classes(), seed);
        String optimizerName = flags.string("optimizer", "adam");
        Optimizer optimizer;
        try {
            optimizer = Optimizers.create(optimizerName, model, hyperParameters(flags));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int epochs = flags.integer("epochs", data.spec().equals("digits") ? 30 : 10, 1);
        double lr = optimizer.groups().getFirst().lr();
        Trainer trainer = new Trainer().epochs(epochs).batchSize(flags.integer("batch", 32, 1)).seed(seed)
                .threads(flags.integer("threads", Runtime.getRuntime().availableProcessors(), 1))
                .shardRows(flags.integer("shard-rows", DataParallel.DEFAULT_SHARD_ROWS, 1))
                .stratified(flags.has("stratified"));
        if (flags.has("drop-last")) {
            trainer.lastBatch(dev.simdnn.optim.train.Batches.LastBatch.DROP);
        }
        configureSchedule(trainer, flags.string("schedule", "constant"), lr, epochs);
        if (flags.has("clip-norm")) {
            trainer.clipNorm(flags.number("clip-norm", 0));
        }
        if (flags.has("ema")) {
            trainer.average(new ExponentialAverage(model.parameterCount(), (float) flags.fraction("ema", 0, false)));
        }
        if (flags.has("early-stop")) {
            if (validation == null) {
                throw new UsageException("--early-stop needs --validation F (a validation part to watch)");
            }
            trainer.earlyStopping(flags.integer("early-stop", 5, 1), Trainer.Monitor.VALIDATION_LOSS, true);
        }
        boolean quiet = flags.has("quiet");
        if (!quiet) {
            out.println(Simd.describe());
            out.printf(Locale.ROOT, "data: %s -> train %d,%s test %d (%s)%n", data.spec(), train.rows(),
                    validation == null ? "" : " validation " + validation.rows() + ",", test.rows(),
                    pre == null ? "no preprocessing" : pre.describe());
            out.printf(Locale.ROOT, "model: %s, %d parameters; %s lr %.3g, batch %d, %d epochs, seed %d, %d threads%n",
                    architecture(model), model.parameterCount(), optimizerName, lr, trainer.batchSize(), epochs, seed,
                    flags.integer("threads", Runtime.getRuntime().availableProcessors(), 1));
            trainer.listener(new ProgressDisplay(out, ProgressDisplay.stdoutIsTerminal(), epochs));
        }
        History history = trainer.fit(model, optimizer, train, validation);
        double trainSeconds = history.epochs().stream().mapToDouble(r -> r.seconds()).sum();
        long samples = (long) train.rows() * history.epochs().size();
        Evaluation evaluation = Evaluation.of(model, test);
        Path modelFile = Path.of(flags.string("out", "out/" + name + "-model.simdnn"));
        Path log = Path.of(flags.string("log", "out/" + name + "-train.csv"));
        Path chart = Path.of(flags.string("chart", "out/" + name + "-train.svg"));
        Map<String, byte[]> extras = new LinkedHashMap<>();
        if (pre != null) {
            extras.put("preprocessing", pre.toBytes());
        }
        extras.put("data", (data.spec() + " test-fraction=" + flags.fraction("test-fraction", 0.2, false)
                + " split-seed=" + flags.integer("split-seed", 1, 0)).getBytes(StandardCharsets.UTF_8));
        Optimizer.State state = optimizer.saveState();
        ModelFile.save(modelFile, model, new ModelFile.OptimizerState(optimizerName, state.steps(), state.slots(),
                state.scalars()), extras);
        TrainingLog.writeCsv(log, history.epochs());
        TrainingLog.writeSvg(chart, history.epochs(), data.spec() + ": " + architecture(model) + ", " + optimizerName
                + String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * evaluation.accuracy()));
        out.printf(Locale.ROOT, "%n== %s: test accuracy %.2f%% (%d of %d), test loss %.4f%n", data.spec(),
                100 * evaluation.accuracy(), Math.round(evaluation.accuracy() * test.rows()), test.rows(),
                evaluation.loss());
        out.printf(Locale.ROOT, "   %d epochs (%s), %.0f samples/s, training %.1f s, total %.1f s%n",
                history.epochs().size(), history.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                samples / trainSeconds, trainSeconds, (System.nanoTime() - wallStart) / 1e9);
        out.printf("   model %s%n   log %s, chart %s%n", modelFile, log, chart);
        return history.stopReason() == History.StopReason.DIVERGED ? 1 : 0;
    }

    static String architecture(Sequential model) {
        StringBuilder sb = new StringBuilder().append(model.inputWidth());
        for (var layer : model.layers()) {
            if (layer instanceof dev.simdnn.layers.Dense d) {
                sb.append('-').append(d.outputWidth());
                if (d.activation() != Activation.IDENTITY) {
                    sb.append(' ').append(d.activation().name().toLowerCase(Locale.ROOT));
                }
            } else if (!(layer instanceof dev.simdnn.layers.ActivationLayer)) {
                sb.append(' ').append(layer.kind());
            } else {
                sb.append(' ').append(((dev.simdnn.layers.ActivationLayer) layer).activation().name()
                        .toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static Preprocessor parsePreprocessor(String spec) throws UsageException {
        try {
            return Preprocessor.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Sequential buildModel(Flags flags, int width, int classes, long seed) throws UsageException {
        Activation activation;
        try {
            activation = Activation.valueOf(flags.string("activation", "relu").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--activation: unknown activation '" + flags.string("activation", "") + "'");
        }
        SequentialBuilder b = Sequential.builder(width).seed(seed).loss(new SoftmaxCrossEntropy());
        if (flags.has("init")) {
            try {
                b.initializer(Initializer.parse(flags.string("init", "")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--init: " + e.getMessage());
            }
        }
        double dropout = flags.fraction("dropout", 0, true);
        for (String part : flags.string("hidden", "128,64").split(",")) {
            int units;
            try {
                units = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--hidden must be comma-separated widths, got '" + flags.string("hidden", "")
                        + "'");
            }
            if (units < 1) {
                throw new UsageException("--hidden widths must be >= 1, got " + units);
            }
            if (flags.has("batch-norm")) {
                b.dense(units, false, Activation.IDENTITY).batchNorm().activation(activation);
            } else {
                b.dense(units, activation);
            }
            if (dropout > 0) {
                b.dropout(dropout);
            }
        }
        b.initializer(null);
        return b.dense(classes, Activation.IDENTITY).build();
    }

    private static Map<String, Double> hyperParameters(Flags flags) throws UsageException {
        Map<String, Double> h = new LinkedHashMap<>();
        String[][] names = {{"lr", "lr"}, {"momentum", "momentum"}, {"beta1", "beta1"}, {"beta2", "beta2"},
                {"eps", "eps"}, {"weight-decay", "weight_decay"}};
        for (String[] n : names) {
            if (flags.has(n[0])) {
                h.put(n[1], flags.number(n[0], 0));
            }
        }
        return h;
    }

    private static void configureSchedule(Trainer trainer, String spec, double lr, int epochs) throws UsageException {
        String[] p = spec.split(":");
        try {
            switch (p[0]) {
                case "constant" -> { }
                case "step" -> trainer.schedule(Schedule.step(lr, Long.parseLong(p[1]), Double.parseDouble(p[2]),
                        Schedule.Unit.EPOCH));
                case "exponential" -> trainer.schedule(Schedule.exponential(lr, Double.parseDouble(p[1]),
                        Schedule.Unit.EPOCH));
                case "cosine" -> trainer.schedule(Schedule.cosine(lr, p.length > 1 ? Double.parseDouble(p[1]) : 0,
                        epochs, Schedule.Unit.EPOCH));
                case "plateau" -> trainer.reduceOnPlateau(new ReduceOnPlateau(lr));
                default -> throw new UsageException("--schedule: unknown schedule '" + spec + "'");
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new UsageException("--schedule '" + spec + "': expected step:EVERY:GAMMA, exponential:K or "
                    + "cosine[:MIN]");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--schedule '" + spec + "': " + e.getMessage());
        }
    }
}
