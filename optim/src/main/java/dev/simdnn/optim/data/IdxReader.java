package dev.simdnn.optim.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (gzip-compressed or not): a big-endian header
 * {@code 0x00 0x00 type ndims} followed by {@code ndims} 32-bit sizes, then the data; here type 0x08 (unsigned
 * bytes), images with 3 dimensions (count, rows, columns) and labels with 1. Pixels become floats 0..255
 * unchanged (scaling is preprocessing's job). A bad magic number, a short read or a label out of range throws
 * {@link DataFormatException} naming the file and the byte offset.
 */
public final class IdxReader {
    private IdxReader() {}

    /** Images and labels as a data set of {@code classes} classes. */
    public static Dataset read(Path images, Path labels, int classes, String name) throws IOException {
        float[] pixels;
        int count, width;
        try (DataInputStream in = open(images)) {
            int[] dims = header(in, images, 3);
            count = dims[0];
            width = Math.multiplyExact(dims[1], dims[2]);
            byte[] raw = new byte[Math.multiplyExact(count, width)];
            readFully(in, raw, images, 4 + 4 * 3);
            pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = raw[i] & 0xFF;
            }
        }
        int[] y;
        try (DataInputStream in = open(labels)) {
            int[] dims = header(in, labels, 1);
            if (dims[0] != count) {
                throw new DataFormatException(labels + ": " + dims[0] + " labels for " + count + " images in " + images);
            }
            byte[] raw = new byte[count];
            readFully(in, raw, labels, 8);
            y = new int[count];
            for (int i = 0; i < count; i++) {
                y[i] = raw[i] & 0xFF;
                if (y[i] >= classes) {
                    throw new DataFormatException(labels + ": label " + y[i] + " at byte offset " + (8 + i)
                            + " is outside [0, " + classes + ")");
                }
            }
        }
        return new Dataset(name, pixels, y, width, classes);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new DataInputStream(Sources.maybeGunzip(raw));
        } catch (IOException e) {
            raw.close();
            throw new DataFormatException(file + ": not readable as gzip: " + e.getMessage());
        }
    }

    private static int[] header(DataInputStream in, Path file, int ndims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(file + ": short read at byte offset 0: no IDX header");
        }
        int expected = 0x0800 | ndims;
        if (magic != expected) {
            throw new DataFormatException(file + ": bad magic number 0x" + String.format("%08x", magic)
                    + " at byte offset 0: expected 0x" + String.format("%08x", expected) + " (IDX, unsigned bytes, "
                    + ndims + " dimension" + (ndims > 1 ? "s" : "") + ")");
        }
        int[] dims = new int[ndims];
        for (int d = 0; d < ndims; d++) {
            try {
                dims[d] = in.readInt();
            } catch (EOFException e) {
                throw new DataFormatException(file + ": short read at byte offset " + (4 + 4 * d) + ": header ends");
            }
            if (dims[d] < 1) {
                throw new DataFormatException(file + ": dimension " + d + " is " + dims[d] + " at byte offset "
                        + (4 + 4 * d));
            }
        }
        return dims;
    }

    private static void readFully(DataInputStream in, byte[] into, Path file, int dataOffset) throws IOException {
        int n = 0;
        while (n < into.length) {
            int r = in.read(into, n, into.length - n);
            if (r < 0) {
                throw new DataFormatException(file + ": short read at byte offset " + (dataOffset + n) + ": expected "
                        + into.length + " data bytes after the header, found " + n);
            }
            n += r;
        }
    }
}
