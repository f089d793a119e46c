package dev.simdnn.layers;

/**
 * One named tensor inside a model's contiguous buffers: {@code rows x cols} values, row-major, from {@code offset}.
 * Trainable tensors live in the parameter buffer (and their gradients at the same offset in the gradient buffer);
 * running statistics live in the buffer of non-trained state.
 *
 * @param name   {@code layer.tensor}, e.g. {@code dense1.weight}
 * @param role   what the tensor is (decides weight decay and initialisation)
 * @param offset first index in its buffer
 * @param rows   rows (fan-in for a Dense weight)
 * @param cols   columns (fan-out for a Dense weight)
 */
public record ParameterTensor(String name, Role role, int offset, int rows, int cols) {
    /** What a tensor holds. */
    public enum Role {
        /** A weight matrix: initialised randomly, subject to weight decay. */
        WEIGHT,
        /** A bias: initialised to zero (textbook F31), no weight decay. */
        BIAS,
        /** Batch norm's γ: initialised to one, no weight decay. */
        SCALE,
        /** Batch norm's β: initialised to zero, no weight decay. */
        SHIFT,
        /** Running statistics: not trained, saved with the model. */
        RUNNING_STATISTIC;

        /** True for the roles that weight decay applies to (weights only, as is usual; PyTorch users do the same). */
        public boolean decays() {
            return this == WEIGHT;
        }
    }

    /** Number of values. */
    public int length() {
        return rows * cols;
    }
}
