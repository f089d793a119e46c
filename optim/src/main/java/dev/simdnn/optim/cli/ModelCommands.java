package dev.simdnn.optim.cli;

import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.io.ModelFile;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.preprocess.Preprocessor;
import dev.simdnn.optim.train.Evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code simdnn evaluate} and {@code simdnn predict}: a saved model with the preprocessing it was trained with
 * (stored in the model file), on the test part of a data set or on rows of features.
 */
final class ModelCommands {
    static final Set<String> EVALUATE_VALUED = Set.of("model", "data", "data-dir", "test-fraction", "split-seed",
            "label-column");
    static final Set<String> PREDICT_VALUED = Set.of("model", "input");
    static final Set<String> SWITCHES = Set.of("header");

    static final String HELP = """
            evaluate flags:
              --model FILE           a model written by train (required)
              --data ...             as for train; defaults to the data set and split the model was trained on
            predict flags:
              --model FILE           a model written by train (required)
              --input FILE           CSV of feature rows, no label column (--header: skip line 1); prints
                                     "row,class,probability" per row
            """;

    private ModelCommands() {}

    private record Loaded(Sequential model, Preprocessor preprocessor, String data) {}

    private static Loaded load(Flags flags) throws UsageException, IOException {
        if (!flags.has("model")) {
            throw new UsageException("--model FILE is required");
        }
        ModelFile.Contents c = ModelFile.load(Path.of(flags.string("model", "")));
        byte[] pre = c.extras().get("preprocessing"), data = c.extras().get("data");
        return new Loaded(c.model(), pre == null ? null : Preprocessor.fromBytes(pre),
                data == null ? null : new String(data, StandardCharsets.UTF_8));
    }

    static int evaluate(String[] args, PrintStream out) throws UsageException, IOException {
        Flags flags = Flags.parse(args, 1, EVALUATE_VALUED, SWITCHES);
        Loaded m = load(flags);
        if (!flags.has("data") && m.data() != null) {       // the data set and split the model was trained on
            String[] saved = m.data().split(" ");
            String[] merged = new String[args.length + 2 * saved.length];
            System.arraycopy(args, 0, merged, 0, args.length);
            int i = args.length;
            merged[i++] = "--data";
            merged[i++] = saved[0];
            for (int s = 1; s < saved.length; s++) {
                String[] kv = saved[s].split("=", 2);
                if (!flags.has(kv[0])) {
                    merged[i++] = "--" + kv[0];
                    merged[i++] = kv[1];
                }
            }
            flags = Flags.parse(java.util.Arrays.copyOf(merged, i), 1, EVALUATE_VALUED, SWITCHES);
        }
        DataChoice data = DataChoice.load(flags);
        Dataset test = m.preprocessor() == null ? data.test() : m.preprocessor().apply(data.test());
        Evaluation e = Evaluation.of(m.model(), test);
        out.printf(Locale.ROOT, "%s on %s (%d rows): accuracy %.2f%%, loss %.4f%n", flags.string("model", ""),
                data.spec() + " test part", test.rows(), 100 * e.accuracy(), e.loss());
        out.print(e.confusionTable());
        return 0;
    }

    static int predict(String[] args, PrintStream out) throws UsageException, IOException {
        Flags flags = Flags.parse(args, 1, PREDICT_VALUED, SWITCHES);
        Loaded m = load(flags);
        if (!flags.has("input")) {
            throw new UsageException("--input FILE is required");
        }
        Path input = Path.of(flags.string("input", ""));
        int width = m.preprocessor() == null ? m.model().inputWidth() : m.preprocessor().inputWidth();
        int classes = m.model().outputWidth(), lineNo = 0, row = 0;
        float[] features = new float[width], probabilities = new float[classes];
        try (BufferedReader reader = Files.newBufferedReader(input)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || lineNo == 1 && flags.has("header")) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != width) {
                    throw new dev.simdnn.optim.data.DataFormatException(input + ":" + lineNo + ": " + cells.length
                            + " values, the model expects " + width + " features");
                }
                for (int c = 0; c < width; c++) {
                    try {
                        features[c] = Float.parseFloat(cells[c].trim());
                    } catch (NumberFormatException e) {
                        throw new dev.simdnn.optim.data.DataFormatException(input + ":" + lineNo + ", column " + (c + 1)
                                + ": '" + cells[c].trim() + "' is not a number");
                    }
                }
                float[] x = m.preprocessor() == null ? features : m.preprocessor().apply(features, 1);
                m.model().predictProbabilities(1, x, 0, probabilities, 0);
                int best = 0;
                for (int j = 1; j < classes; j++) {
                    if (probabilities[j] > probabilities[best]) {
                        best = j;
                    }
                }
                out.printf(Locale.ROOT, "%d,%d,%.4f%n", row++, best, probabilities[best]);
            }
        }
        return 0;
    }
}
