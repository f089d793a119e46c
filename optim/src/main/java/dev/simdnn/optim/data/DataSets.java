package dev.simdnn.optim.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data sets the command line knows by name: the bundled 8×8 digits (no download: a resource of this jar, see
 * its {@code DIGITS-README.md} for source and licence) and Fashion-MNIST from a folder filled by
 * {@code bin/fetch-fashion-mnist}.
 */
public final class DataSets {
    /** Where {@code bin/fetch-fashion-mnist} puts Fashion-MNIST by default (relative to the working directory). */
    public static final Path FASHION_MNIST_DIR = Path.of("data", "fashion-mnist");

    private DataSets() {}

    /** The 1,797 handwritten digits, 64 features (counts 0–16), 10 classes. */
    public static Dataset digits() {
        try (InputStream in = DataSets.class.getResourceAsStream("digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("the bundled digits.csv.gz is missing from the class path");
            }
            return CsvReader.read(in, "digits.csv.gz", false, -1, 10);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled digits.csv.gz cannot be read: " + e.getMessage(), e);
        }
    }

    /** Fashion-MNIST's training or test part from {@code dir} (the four {@code *-ubyte.gz} files). */
    public static Dataset fashionMnist(Path dir, boolean train) throws IOException {
        String prefix = train ? "train" : "t10k";
        Path images = find(dir, prefix + "-images-idx3-ubyte"), labels = find(dir, prefix + "-labels-idx1-ubyte");
        return IdxReader.read(images, labels, 10, "Fashion-MNIST " + (train ? "train" : "test"));
    }

    private static Path find(Path dir, String base) throws IOException {
        for (String name : new String[] {base + ".gz", base}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new java.io.FileNotFoundException(dir.resolve(base + ".gz") + " not found: run bin/fetch-fashion-mnist "
                + "first (it copies the data set from Debian's dataset-fashion-mnist package)");
    }
}
