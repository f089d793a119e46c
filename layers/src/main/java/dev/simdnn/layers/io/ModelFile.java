package dev.simdnn.layers.io;

import dev.simdnn.layers.Layer;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.SequentialBuilder;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.LossHead;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The simdnn model file, format version 1: a model's architecture, parameters and running statistics, optionally
 * an optimizer's state and named extra blobs (e.g. fitted preprocessing). All numbers big-endian; floats stored as
 * their IEEE bits, so a round trip is bit-identical.
 *
 * <pre>
 * offset  size  content
 *      0     8  magic 0x89 'S' 'D' 'N' 'N' '\r' '\n' 0x1A   (PNG's trick: catches text-mode and 7-bit transfers)
 *      8     4  CRC-32 of bytes 12..23
 *     12     4  format version (1)
 *     16     8  total file length in bytes
 *     24     …  sections, each: tag (4 ASCII bytes), payload length (8 bytes), payload
 *  end-4     4  CRC-32 of bytes 24..end-5 (all sections)
 *
 * sections (in this order; unknown tags are skipped, so version 1 can grow new optional sections)
 *   ARCH  UTF-8 lines: "input width=N", "seed value=S", "steps value=T",
 *         "layer KIND key=value…" (in order), "aux layer=I kind=l1|l2 lambda=λ", "loss KIND key=value…"
 *   PARM  int n, n floats: the parameter buffer
 *   STAT  int n, n floats: the running statistics
 *   OPTM  optional: UTF name, long steps, int slots, per slot (int n, n floats), int m, m doubles
 *   EXTR  optional, repeatable: UTF name, int n, n bytes
 * </pre>
 * Bytes 0–23 keep this layout in every future version, so a reader can always tell a newer version from damage.
 *
 * <p>Writing is atomic: a temporary file in the target directory, flushed to disk, then renamed over the target,
 * so a crash leaves the old file or the new one, never half of one. Reading checks, in order: magic, header
 * checksum, version, length, body checksum, content; each failure throws {@link ModelFileException} with its
 * {@link ModelFileException.Reason}, and no model is returned half built.
 */
public final class ModelFile {
    /** The version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'S', 'D', 'N', 'N', '\r', '\n', 0x1A};
    private static final int HEADER = 24;

    private ModelFile() {}

    /**
     * An optimizer's state as stored (the optim module converts its own).
     *
     * @param name    the optimizer's kind, e.g. {@code adam}
     * @param steps   steps taken
     * @param slots   per-parameter state arrays
     * @param scalars scalar state
     */
    public record OptimizerState(String name, long steps, float[][] slots, double[] scalars) {}

    /** What a file holds. */
    public record Contents(Sequential model, OptimizerState optimizer, Map<String, byte[]> extras) {}

    /** Saves the model alone. */
    public static void save(Path file, Sequential model) throws IOException {
        save(file, model, null, Map.of());
    }

    /** Saves the model, an optional optimizer state and named extra blobs, atomically. */
    public static void save(Path file, Sequential model, OptimizerState optimizer, Map<String, byte[]> extras)
            throws IOException {
        byte[] bytes = encode(model, optimizer, extras);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's bytes for {@link #save}. */
    static byte[] encode(Sequential model, OptimizerState optimizer, Map<String, byte[]> extras) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        section(out, "ARCH", architecture(model).getBytes(StandardCharsets.UTF_8));
        section(out, "PARM", floats(model.parameters()));
        section(out, "STAT", floats(model.statistics()));
        if (optimizer != null) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(o);
            d.writeUTF(optimizer.name());
            d.writeLong(optimizer.steps());
            d.writeInt(optimizer.slots().length);
            for (float[] slot : optimizer.slots()) {
                d.write(floats(slot));
            }
            d.writeInt(optimizer.scalars().length);
            for (double s : optimizer.scalars()) {
                d.writeDouble(s);
            }
            section(out, "OPTM", o.toByteArray());
        }
        for (Map.Entry<String, byte[]> e : extras.entrySet()) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(o);
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().length);
            d.write(e.getValue());
            section(out, "EXTR", o.toByteArray());
        }
        out.flush();
        byte[] sections = body.toByteArray();
        long total = HEADER + (long) sections.length + 4;
        ByteBuffer file = ByteBuffer.allocate(Math.toIntExact(total));
        file.put(MAGIC).putInt(0).putInt(FORMAT_VERSION).putLong(total).put(sections);
        file.putInt(8, crc(file.array(), 12, HEADER));
        file.putInt(HEADER + sections.length, crc(file.array(), HEADER, HEADER + sections.length));
        return file.array();
    }

    private static String architecture(Sequential model) {
        StringBuilder sb = new StringBuilder();
        sb.append("input width=").append(model.inputWidth()).append('\n');
        sb.append("seed value=").append(model.seed()).append('\n');
        sb.append("steps value=").append(model.trainingSteps()).append('\n');
        for (int i = 0; i < model.layers().size(); i++) {
            Layer l = model.layers().get(i);
            sb.append("layer ").append(l.kind()).append(' ').append(l.spec()).append('\n');
            AuxiliaryLoss aux = model.auxiliaryLoss(i);
            if (aux != null) {
                sb.append("aux layer=").append(i).append(' ').append(aux.spec()).append('\n');
            }
        }
        sb.append("loss ").append(model.loss().kind()).append(' ').append(model.loss().spec()).append('\n');
        return sb.toString();
    }

    private static void section(DataOutputStream out, String tag, byte[] payload) throws IOException {
        out.write(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeLong(payload.length);
        out.write(payload);
    }

    private static byte[] floats(float[] a) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * a.length).putInt(a.length);
        b.asFloatBuffer().put(a);   // bulk put writes the raw IEEE bits (NaN payloads included)
        return b.array();
    }

    private static int crc(byte[] a, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(a, from, to - from);
        return (int) crc.getValue();
    }

    /** Loads the model alone. */
    public static Sequential loadModel(Path file) throws IOException {
        return load(file).model();
    }

    /** Loads everything the file holds, after checking it as described in the class comment. */
    public static Contents load(Path file) throws IOException {
        return decode(file, Files.readAllBytes(file));
    }

    static Contents decode(Path file, byte[] b) throws ModelFileException {
        if (b.length < MAGIC.length) {
            boolean prefix = Arrays.equals(b, Arrays.copyOf(MAGIC, b.length));
            throw new ModelFileException(file, prefix ? ModelFileException.Reason.TRUNCATED
                    : ModelFileException.Reason.WRONG_MAGIC, b.length + " bytes");
        }
        if (!Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFileException(file, ModelFileException.Reason.WRONG_MAGIC, "first bytes "
                    + java.util.HexFormat.ofDelimiter(" ").formatHex(b, 0, MAGIC.length));
        }
        if (b.length < HEADER) {
            throw new ModelFileException(file, ModelFileException.Reason.TRUNCATED, b.length
                    + " bytes, shorter than the " + HEADER + "-byte header");
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        if (bb.getInt(8) != crc(b, 12, HEADER)) {
            throw new ModelFileException(file, ModelFileException.Reason.CORRUPTED, "header checksum");
        }
        int version = bb.getInt(12);
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(file, ModelFileException.Reason.NEWER_VERSION, "format version " + version
                    + ", this library reads up to " + FORMAT_VERSION);
        }
        if (version < 1) {
            throw new ModelFileException(file, ModelFileException.Reason.MALFORMED, "format version " + version);
        }
        long total = bb.getLong(16);
        if (b.length < total) {
            throw new ModelFileException(file, ModelFileException.Reason.TRUNCATED, b.length + " of " + total
                    + " bytes");
        }
        if (b.length > total || total < HEADER + 4) {
            throw new ModelFileException(file, ModelFileException.Reason.CORRUPTED, b.length
                    + " bytes where the header says " + total);
        }
        int end = (int) total - 4;
        if (bb.getInt(end) != crc(b, HEADER, end)) {
            throw new ModelFileException(file, ModelFileException.Reason.CORRUPTED, "body checksum");
        }
        try {
            return parse(b, end);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, ModelFileException.Reason.MALFORMED, String.valueOf(e.getMessage()), e);
        }
    }

    private static Contents parse(byte[] b, int end) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, HEADER, end - HEADER));
        String arch = null;
        float[] params = null, stats = null;
        OptimizerState optimizer = null;
        Map<String, byte[]> extras = new LinkedHashMap<>();
        int remaining = end - HEADER;
        while (remaining > 0) {
            byte[] tagBytes = new byte[4];
            in.readFully(tagBytes);
            String tag = new String(tagBytes, StandardCharsets.US_ASCII);
            long length = in.readLong();
            remaining -= 12;
            if (length < 0 || length > remaining) {
                throw new EOFException("section " + tag + " claims " + length + " bytes, " + remaining + " remain");
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            remaining -= (int) length;
            DataInputStream p = new DataInputStream(new ByteArrayInputStream(payload));
            switch (tag) {
                case "ARCH" -> arch = new String(payload, StandardCharsets.UTF_8);
                case "PARM" -> params = readFloats(p);
                case "STAT" -> stats = readFloats(p);
                case "OPTM" -> {
                    String name = p.readUTF();
                    long steps = p.readLong();
                    float[][] slots = new float[p.readInt()][];
                    for (int s = 0; s < slots.length; s++) {
                        slots[s] = readFloats(p);
                    }
                    double[] scalars = new double[p.readInt()];
                    for (int s = 0; s < scalars.length; s++) {
                        scalars[s] = p.readDouble();
                    }
                    optimizer = new OptimizerState(name, steps, slots, scalars);
                }
                case "EXTR" -> {
                    String name = p.readUTF();
                    byte[] blob = new byte[p.readInt()];
                    p.readFully(blob);
                    extras.put(name, blob);
                }
                default -> { }                        // an optional section of a later minor revision
            }
        }
        if (arch == null || params == null || stats == null) {
            throw new IOException("missing section " + (arch == null ? "ARCH" : params == null ? "PARM" : "STAT"));
        }
        Sequential model = build(arch);
        if (params.length != model.parameterCount() || stats.length != model.statistics().length) {
            throw new IOException("the architecture has " + model.parameterCount() + " parameters and "
                    + model.statistics().length + " statistics, the file " + params.length + " and " + stats.length);
        }
        System.arraycopy(params, 0, model.parameters(), 0, params.length);
        System.arraycopy(stats, 0, model.statistics(), 0, stats.length);
        return new Contents(model, optimizer, extras);
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new EOFException("array of " + n + " floats, " + in.available() + " bytes remain");
        }
        byte[] raw = new byte[4 * n];
        in.readFully(raw);
        float[] a = new float[n];
        ByteBuffer.wrap(raw).asFloatBuffer().get(a);
        return a;
    }

    /** Rebuilds the model (freshly initialised) from the architecture text. */
    private static Sequential build(String arch) {
        SequentialBuilder builder = null;
        List<Layer> layers = new ArrayList<>();
        long steps = 0;
        int lineNo = 0;
        for (String line : arch.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String head = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            try {
                switch (head) {
                    case "input" -> builder = Sequential.builder(Integer.parseInt(LayerSpecs.parse(rest).get("width")));
                    case "seed" -> require(builder).seed(Long.parseLong(LayerSpecs.parse(rest).get("value")));
                    case "steps" -> steps = Long.parseLong(LayerSpecs.parse(rest).get("value"));
                    case "layer" -> {
                        int s = rest.indexOf(' ');
                        Layer layer = LayerSpecs.layer(s < 0 ? rest : rest.substring(0, s),
                                LayerSpecs.parse(s < 0 ? "" : rest.substring(s + 1)), layers);
                        require(builder).add(layer);
                        layers.add(layer);
                    }
                    case "aux" -> require(builder).auxiliaryLoss(AuxiliaryLoss.parse(LayerSpecs.parse(rest)));
                    case "loss" -> {
                        int s = rest.indexOf(' ');
                        require(builder).loss(LossHead.parse(s < 0 ? rest : rest.substring(0, s),
                                LayerSpecs.parse(s < 0 ? "" : rest.substring(s + 1))));
                    }
                    default -> throw new IllegalArgumentException("unknown entry '" + head + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("architecture line " + lineNo + " '" + line + "': "
                        + e.getMessage(), e);
            }
        }
        Sequential model = require(builder).build();
        model.setTrainingSteps(steps);
        return model;
    }

    private static SequentialBuilder require(SequentialBuilder b) {
        if (b == null) {
            throw new IllegalArgumentException("the architecture must start with 'input'");
        }
        return b;
    }
}
