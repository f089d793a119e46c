package dev.simdnn.optim.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads comma-separated numbers (gzip-compressed or not) with one integer class label per row: an optional
 * header line, the label in a given column (−1: the last). Every row must have as many values as the first;
 * a ragged row, a value that is not a number, or a label that is not a class index in range throws
 * {@link DataFormatException} naming the source, the line and the column.
 */
public final class CsvReader {
    private CsvReader() {}

    /**
     * @param file        the file
     * @param header      the first line is a header
     * @param labelColumn the label's column (0-based), −1 for the last
     * @param classes     number of classes, or 0 to take max label + 1
     */
    public static Dataset read(Path file, boolean header, int labelColumn, int classes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), header, labelColumn, classes);
        }
    }

    /** As {@link #read(Path, boolean, int, int)}, from a stream named {@code source} in messages. */
    public static Dataset read(InputStream raw, String source, boolean header, int labelColumn, int classes)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Sources.maybeGunzip(raw),
                StandardCharsets.UTF_8), 1 << 16);
        float[] features = new float[1024];
        int[] labels = new int[64];
        int rows = 0, columns = -1, lineNo = 0, maxLabel = -1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && header || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns < 0) {
                columns = cells.length;
                if (columns < 2) {
                    throw new DataFormatException(source + ":" + lineNo + ": a row needs a label and at least one "
                            + "feature, found " + columns + " value");
                }
                if (labelColumn >= columns) {
                    throw new DataFormatException(source + ":" + lineNo + ": label column " + labelColumn
                            + " does not exist in rows of " + columns + " values");
                }
            } else if (cells.length != columns) {
                throw new DataFormatException(source + ":" + lineNo + ": " + cells.length + " values, but the first row "
                        + "has " + columns);
            }
            int width = columns - 1, label = labelColumn < 0 ? columns - 1 : labelColumn;
            if (features.length < (rows + 1) * width) {
                features = Arrays.copyOf(features, Math.max(features.length * 2, (rows + 1) * width));
            }
            if (labels.length <= rows) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            for (int c = 0, f = rows * width; c < columns; c++) {
                String cell = cells[c].trim();
                if (c == label) {
                    labels[rows] = parseLabel(cell, source, lineNo, c, classes);
                    maxLabel = Math.max(maxLabel, labels[rows]);
                } else {
                    try {
                        features[f++] = Float.parseFloat(cell);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(source + ":" + lineNo + ", column " + (c + 1) + ": '" + cell
                                + "' is not a number");
                    }
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataFormatException(source + ": no data rows");
        }
        int width = columns - 1;
        return new Dataset(source, Arrays.copyOf(features, rows * width), Arrays.copyOf(labels, rows), width,
                classes > 0 ? classes : maxLabel + 1);
    }

    private static int parseLabel(String cell, String source, int lineNo, int column, int classes)
            throws DataFormatException {
        int label;
        try {
            double v = Double.parseDouble(cell);
            label = (int) v;
            if (label != v) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new DataFormatException(source + ":" + lineNo + ", column " + (column + 1) + ": label '" + cell
                    + "' is not a class index");
        }
        if (label < 0 || classes > 0 && label >= classes) {
            throw new DataFormatException(source + ":" + lineNo + ", column " + (column + 1) + ": label " + label
                    + " is outside [0, " + (classes > 0 ? classes : "∞") + ")");
        }
        return label;
    }
}
