package dev.simdnn.optim.clip;

import dev.simdnn.core.Checks;

/** A range {@code data[offset .. offset + length)}: one parameter's gradient inside a larger buffer. */
public record Tensor(float[] data, int offset, int length) {
    public Tensor {
        Checks.notNull("data", data);
        Checks.range("tensor", data.length, offset, length);
    }

    /** The whole array. */
    public static Tensor of(float[] data) {
        return new Tensor(data, 0, Checks.notNull("data", data).length);
    }
}
