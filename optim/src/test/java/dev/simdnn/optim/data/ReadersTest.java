package dev.simdnn.optim.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadersTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        }
        return b.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void idxImagesAndLabelsReadGzippedOrNot() throws IOException {
        byte[] pixels = {0, 1, 2, (byte) 255, 10, 20, 30, 40};
        Path images = write("img.gz", gzip(idx(0x803, new int[] {2, 2, 2}, pixels)));
        Path labels = write("lab", idx(0x801, new int[] {2}, new byte[] {3, 7}));
        Dataset d = IdxReader.read(images, labels, 10, "tiny");
        assertEquals(2, d.rows());
        assertEquals(4, d.width());
        assertArrayEquals(new float[] {0, 1, 2, 255, 10, 20, 30, 40}, d.features());
        assertArrayEquals(new int[] {3, 7}, d.labels());
    }

    @Test
    void malformedIdxFilesNameTheFileAndOffset() throws IOException {
        Path labels = write("lab", idx(0x801, new int[] {2}, new byte[] {3, 7}));
        Path wrongMagic = write("wrong", idx(0x801, new int[] {2, 2, 2}, new byte[8]));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxReader.read(wrongMagic, labels, 10, "x"));
        assertEquals(wrongMagic + ": bad magic number 0x00000801 at byte offset 0: expected 0x00000803 (IDX, unsigned "
                + "bytes, 3 dimensions)", e.getMessage());
        Path shortData = write("short", idx(0x803, new int[] {2, 2, 2}, new byte[5]));
        e = assertThrows(DataFormatException.class, () -> IdxReader.read(shortData, labels, 10, "x"));
        assertEquals(shortData + ": short read at byte offset 21: expected 8 data bytes after the header, found 5",
                e.getMessage());
        Path images = write("img", idx(0x803, new int[] {2, 2, 2}, new byte[8]));
        Path badLabel = write("badlab", idx(0x801, new int[] {2}, new byte[] {3, 12}));
        e = assertThrows(DataFormatException.class, () -> IdxReader.read(images, badLabel, 10, "x"));
        assertEquals(badLabel + ": label 12 at byte offset 9 is outside [0, 10)", e.getMessage());
        Path threeLabels = write("three", idx(0x801, new int[] {3}, new byte[] {1, 2, 3}));
        e = assertThrows(DataFormatException.class, () -> IdxReader.read(images, threeLabels, 10, "x"));
        assertEquals(threeLabels + ": 3 labels for 2 images in " + images, e.getMessage());
        Path empty = write("empty", new byte[2]);
        e = assertThrows(DataFormatException.class, () -> IdxReader.read(empty, labels, 10, "x"));
        assertEquals(empty + ": short read at byte offset 0: no IDX header", e.getMessage());
    }

    @Test
    void csvWithHeaderLabelColumnAndGzip() throws IOException {
        Path p = write("d.csv.gz", gzip("a,label,b\n1.5,2,3\n4,0,5e-1\n".getBytes()));
        Dataset d = CsvReader.read(p, true, 1, 0);
        assertArrayEquals(new float[] {1.5f, 3, 4, 0.5f}, d.features());
        assertArrayEquals(new int[] {2, 0}, d.labels());
        assertEquals(3, d.classes());
    }

    @Test
    void malformedCsvNamesTheLineAndColumn() throws IOException {
        Path ragged = write("ragged.csv", "1,2,0\n3,4\n".getBytes());
        assertEquals(ragged + ":2: 2 values, but the first row has 3", assertThrows(DataFormatException.class,
                () -> CsvReader.read(ragged, false, -1, 0)).getMessage());
        Path text = write("text.csv", "1,2,0\n3,x,1\n".getBytes());
        assertEquals(text + ":2, column 2: 'x' is not a number", assertThrows(DataFormatException.class,
                () -> CsvReader.read(text, false, -1, 0)).getMessage());
        Path fractional = write("frac.csv", "1,2,0.5\n".getBytes());
        assertEquals(fractional + ":1, column 3: label '0.5' is not a class index",
                assertThrows(DataFormatException.class, () -> CsvReader.read(fractional, false, -1, 0)).getMessage());
        Path range = write("range.csv", "1,2,0\n1,2,10\n".getBytes());
        assertEquals(range + ":2, column 3: label 10 is outside [0, 10)", assertThrows(DataFormatException.class,
                () -> CsvReader.read(range, false, -1, 10)).getMessage());
        Path negative = write("neg.csv", "1,2,-1\n".getBytes());
        assertEquals(negative + ":1, column 3: label -1 is outside [0, ∞)", assertThrows(DataFormatException.class,
                () -> CsvReader.read(negative, false, -1, 0)).getMessage());
    }

    @Test
    void theBundledDigitsAreComplete() {
        Dataset d = DataSets.digits();
        assertEquals(1797, d.rows());
        assertEquals(64, d.width());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        Dataset.Split s = d.split(0.2, 1);
        assertEquals(1797, s.first().rows() + s.second().rows());
        for (int c = 0; c < 10; c++) {               // stratified: each class splits 80/20
            assertEquals(Math.round(0.2 * d.classCounts()[c]), s.second().classCounts()[c]);
        }
    }
}
