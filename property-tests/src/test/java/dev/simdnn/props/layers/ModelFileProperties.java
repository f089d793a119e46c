package dev.simdnn.props.layers;

import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.io.ModelFile;
import dev.simdnn.layers.io.ModelFileException;
import dev.simdnn.layers.loss.Targets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The model file on jqwik-generated architectures ({@link Stacks}: Dense, batch norm, dropout, maxout, every
 * activation): a trained model saved and loaded has the same parameter and statistics bits and predicts the same
 * outputs, bit for bit; a copy with one random byte flipped is rejected as corrupted (or as not a model file when the flip hits the
 * magic), and one cut at a random length as truncated.
 */
class ModelFileProperties {
    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("simdnn-modelfile");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<Stacks> stacks() {
        return Stacks.any();
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void roundTripIsBitIdenticalAndDamageIsRejected(@ForAll("stacks") Stacks s, @ForAll long damageSeed)
            throws IOException {
        Sequential model = s.build();
        float[] x = s.input();
        model.computeGradients(s.batch(), x, 0, Targets.labels(s.labels()));
        dev.simdnn.core.Blas1.axpy(model.parameterCount(), -0.05f, model.gradients(), 0, model.parameters(), 0);
        Path file = dir.resolve("model-" + Long.toHexString(damageSeed) + ".simdnn");
        ModelFile.save(file, model);
        Sequential loaded = ModelFile.loadModel(file);
        assertArrayEquals(bits(model.parameters()), bits(loaded.parameters()));
        assertArrayEquals(bits(model.statistics()), bits(loaded.statistics()));
        assertEquals(model.toString(), loaded.toString());
        float[] a = new float[s.batch() * s.classes()], b = new float[a.length];
        model.predict(s.batch(), x, 0, a, 0);
        loaded.predict(s.batch(), x, 0, b, 0);
        assertArrayEquals(a, b, "the same weights and kernels predict the same bits");

        byte[] bytes = Files.readAllBytes(file);
        Random random = new Random(damageSeed);
        for (int k = 0; k < 8; k++) {
            byte[] damaged = bytes.clone();
            int pos = random.nextInt(bytes.length);
            damaged[pos] ^= (byte) (1 << random.nextInt(8));
            Files.write(file, damaged);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
            assertEquals(pos < 8 ? ModelFileException.Reason.WRONG_MAGIC : ModelFileException.Reason.CORRUPTED,
                    e.reason(), "flip at " + pos + ": " + e.getMessage());
            Files.write(file, Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
            assertEquals(ModelFileException.Reason.TRUNCATED, e.reason(), e.getMessage());
        }
        Files.write(file, bytes);
        ModelFile.Contents c = ModelFile.load(file);
        assertEquals(Map.of(), c.extras());
        Files.delete(file);
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }
}
