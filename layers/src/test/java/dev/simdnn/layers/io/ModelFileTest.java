package dev.simdnn.layers.io;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.Dense;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.SequentialBuilder;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.MulticlassHinge;
import dev.simdnn.layers.loss.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    @TempDir
    Path dir;

    static Sequential smallModel() {
        SequentialBuilder b = Sequential.builder(5).seed(77).dense(4, false, Activation.IDENTITY).batchNorm()
                .activation(Activation.LEAKY_RELU, 0.2f).auxiliaryLoss(AuxiliaryLoss.l1Activity(0.01)).dropout(0.1)
                .maxout(3, 2);
        return b.dense(3, Activation.LEAKY_RELU).loss(new MulticlassHinge(dev.simdnn.core.Reduction.SUM, 0.5f)).build();
    }

    static float[] input(int n) {
        SeededRandom r = new SeededRandom(5);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void roundTripIsBitIdenticalAndPredictsIdentically() throws IOException {
        Sequential model = smallModel();
        float[] x = input(8 * 5);
        for (int i = 0; i < 4; i++) {
            model.computeGradients(8, x, 0, Targets.labels(new int[]{0, 1, 2, 0, 1, 2, 0, 1}));
            dev.simdnn.core.Blas1.axpy(model.parameterCount(), -0.1f, model.gradients(), 0, model.parameters(), 0);
        }
        Path file = dir.resolve("m.simdnn");
        var optimizer = new ModelFile.OptimizerState("adam", 4, new float[][]{{1, 2}, {Float.NaN, -0f}},
                new double[]{0.5});
        ModelFile.save(file, model, optimizer, Map.of("preprocessing", new byte[]{1, 2, 3}));
        ModelFile.Contents c = ModelFile.load(file);
        Sequential loaded = c.model();
        assertArrayEquals(bits(model.parameters()), bits(loaded.parameters()));
        assertArrayEquals(bits(model.statistics()), bits(loaded.statistics()));
        assertEquals(model.toString(), loaded.toString());
        assertEquals(model.trainingSteps(), loaded.trainingSteps());
        float[] a = new float[8 * 3], b = new float[8 * 3];
        model.predict(8, x, 0, a, 0);
        loaded.predict(8, x, 0, b, 0);
        assertArrayEquals(bits(a), bits(b));
        assertEquals("adam", c.optimizer().name());
        assertEquals(4, c.optimizer().steps());
        assertArrayEquals(bits(new float[]{Float.NaN, -0f}), bits(c.optimizer().slots()[1]));
        assertArrayEquals(new byte[]{1, 2, 3}, c.extras().get("preprocessing"));
        assertArrayEquals(ModelFile.encode(model, optimizer, Map.of("preprocessing", new byte[]{1, 2, 3})),
                Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void tiedModelsRoundTrip() throws IOException {
        SequentialBuilder b = Sequential.builder(6).dense(3, Activation.TANH);
        Sequential model = b.add(Dense.tiedTo((Dense) b.last(), true, Activation.IDENTITY, Float.NaN)).build();
        Path file = dir.resolve("tied.simdnn");
        ModelFile.save(file, model);
        Sequential loaded = ModelFile.loadModel(file);
        assertEquals(model.parameterCount(), loaded.parameterCount());
        assertEquals(((Dense) loaded.layers().get(0)).weightOffset(), ((Dense) loaded.layers().get(1)).weightOffset());
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Float.floatToRawIntBits(a[i]);
        }
        return b;
    }

    private ModelFileException.Reason reasonFor(byte[] bytes) {
        return assertThrows(ModelFileException.class, () -> ModelFile.decode(dir.resolve("x"), bytes)).reason();
    }

    @Test
    void truncationAtEveryPositionIsReportedAsTruncation() throws IOException {
        byte[] full = ModelFile.encode(smallModel(), null, Map.of());
        for (int len = 0; len < full.length; len++) {
            assertEquals(ModelFileException.Reason.TRUNCATED, reasonFor(Arrays.copyOf(full, len)), "length " + len);
        }
    }

    @Test
    void everySingleByteFlipIsRejected() throws IOException {
        byte[] full = ModelFile.encode(smallModel(), null, Map.of());
        for (int pos = 0; pos < full.length; pos++) {
            for (int bit : new int[]{0, 7}) {
                byte[] damaged = full.clone();
                damaged[pos] ^= (byte) (1 << bit);
                ModelFileException.Reason expected = pos < 8 ? ModelFileException.Reason.WRONG_MAGIC
                        : ModelFileException.Reason.CORRUPTED;
                assertEquals(expected, reasonFor(damaged), "flip at byte " + pos + " bit " + bit);
            }
        }
    }

    @Test
    void newerVersionAndWrongMagicSaySo() throws IOException {
        byte[] full = ModelFile.encode(smallModel(), null, Map.of());
        ByteBuffer b = ByteBuffer.wrap(full);
        b.putInt(12, 2);
        CRC32 crc = new CRC32();
        crc.update(full, 12, 12);
        b.putInt(8, (int) crc.getValue());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.decode(Path.of("m"), full));
        assertEquals(ModelFileException.Reason.NEWER_VERSION, e.reason());
        assertEquals("m: written by a newer format version: format version 2, this library reads up to 1",
                e.getMessage());
        Path text = dir.resolve("weights.csv");
        Files.writeString(text, "1,2,3\n4,5,6\n7,8,9\n10,11,12\n");
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(text));
        assertEquals(ModelFileException.Reason.WRONG_MAGIC, e.reason());
        assertTrue(e.getMessage().contains("not a simdnn model file"), e.getMessage());
    }
}
