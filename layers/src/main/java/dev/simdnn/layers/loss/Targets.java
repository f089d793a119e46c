package dev.simdnn.layers.loss;

/**
 * What a batch is trained towards: integer class labels (one per row) or target values (one per output, rows
 * contiguous), each from an offset. Row r of a batch uses label {@code labels[labelOffset + r]} or values from
 * {@code values[valueOffset + r·width]}.
 *
 * @param labels      class labels, or null
 * @param labelOffset index of row 0's label
 * @param values      target values, or null
 * @param valueOffset index of row 0's first value
 */
public record Targets(int[] labels, int labelOffset, float[] values, int valueOffset) {
    public Targets {
        if ((labels == null) == (values == null)) {
            throw new IllegalArgumentException("targets need exactly one of labels or values");
        }
        if (labelOffset < 0 || valueOffset < 0) {
            throw new IllegalArgumentException("target offsets must be >= 0, got " + labelOffset + ", " + valueOffset);
        }
    }

    /** Class labels from index 0. */
    public static Targets labels(int[] labels) {
        return new Targets(labels, 0, null, 0);
    }

    /** Class labels from {@code offset}. */
    public static Targets labels(int[] labels, int offset) {
        return new Targets(labels, offset, null, 0);
    }

    /** Target values (regression, soft targets, multi-label 0/1) from index 0. */
    public static Targets values(float[] values) {
        return new Targets(null, 0, values, 0);
    }

    /** Target values from {@code offset}. */
    public static Targets values(float[] values, int offset) {
        return new Targets(null, 0, values, offset);
    }

    /** True for class labels. */
    public boolean hasLabels() {
        return labels != null;
    }
}
