package dev.simdnn.optim.cli;

import dev.simdnn.optim.data.CsvReader;
import dev.simdnn.optim.data.DataSets;
import dev.simdnn.optim.data.Dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code --data} flag: {@code digits} (bundled; split into train and test by {@code --test-fraction} and the
 * seed, stratified), {@code fashion-mnist} (its own train and test files, from {@code --data-dir}), or
 * {@code csv:PATH} (split like digits; {@code --label-column}, {@code --header}).
 *
 * @param spec  the flag's value
 * @param train the training part
 * @param test  the test part
 */
record DataChoice(String spec, Dataset train, Dataset test) {
    static final String FLAGS_HELP = """
              --data digits|fashion-mnist|csv:PATH   data set (default digits: bundled, 1,797 8x8 images)
              --data-dir DIR         folder of Fashion-MNIST's four files (default data/fashion-mnist; see
                                     bin/fetch-fashion-mnist)
              --test-fraction F      held-out test part of digits/csv, stratified (default 0.2)
              --split-seed N         seed of that split (default 1)
              --label-column N       csv: label column, 0-based (default the last); --header: skip line 1
            """;

    static DataChoice load(Flags flags) throws UsageException, IOException {
        String spec = flags.string("data", "digits");
        double testFraction = flags.fraction("test-fraction", 0.2, false);
        long splitSeed = flags.integer("split-seed", 1, 0);
        if (spec.equals("digits")) {
            Dataset.Split s = DataSets.digits().split(testFraction, splitSeed);
            return new DataChoice(spec, s.first(), s.second());
        }
        if (spec.equals("fashion-mnist")) {
            Path dir = Path.of(flags.string("data-dir", DataSets.FASHION_MNIST_DIR.toString()));
            return new DataChoice(spec, DataSets.fashionMnist(dir, true), DataSets.fashionMnist(dir, false));
        }
        if (spec.startsWith("csv:")) {
            Dataset all = CsvReader.read(Path.of(spec.substring(4)), flags.has("header"),
                    flags.integer("label-column", -1, -1), 0);
            Dataset.Split s = all.split(testFraction, splitSeed);
            return new DataChoice(spec, s.first(), s.second());
        }
        throw new UsageException("--data must be digits, fashion-mnist or csv:PATH, got '" + spec + "'");
    }
}
