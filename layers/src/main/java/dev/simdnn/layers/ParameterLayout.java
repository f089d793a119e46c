package dev.simdnn.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out ranges of a model's two buffers while its layers declare their tensors, in layer order: trainable
 * parameters (one contiguous {@code float[]}, gradients in a second array of the same length) and running
 * statistics (a third array). Offsets are assigned consecutively, so the parameter buffer is one array an
 * optimizer steps over in one pass and the model file stores as one block.
 */
public final class ParameterLayout {
    private final List<ParameterTensor> parameters = new ArrayList<>();
    private final List<ParameterTensor> statistics = new ArrayList<>();
    private long parameterCount;
    private long statisticCount;

    /** Reserves a trainable {@code rows x cols} tensor and returns its offset. */
    public int addParameter(String name, ParameterTensor.Role role, int rows, int cols) {
        int offset = reserve(parameterCount, rows, cols, name);
        parameters.add(new ParameterTensor(name, role, offset, rows, cols));
        parameterCount += (long) rows * cols;
        return offset;
    }

    /** Reserves {@code length} values of running statistics and returns their offset. */
    public int addStatistic(String name, int length) {
        int offset = reserve(statisticCount, 1, length, name);
        statistics.add(new ParameterTensor(name, ParameterTensor.Role.RUNNING_STATISTIC, offset, 1, length));
        statisticCount += length;
        return offset;
    }

    private static int reserve(long used, int rows, int cols, String name) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(name + " must have at least one row and column, got " + rows + "x" + cols);
        }
        if (used + (long) rows * cols > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(name + " (" + rows + "x" + cols + ") does not fit: a model holds at most "
                    + (Integer.MAX_VALUE - 16) + " parameters in one buffer");
        }
        return (int) used;
    }

    /** The trainable tensors, in declaration order. */
    public List<ParameterTensor> parameters() {
        return List.copyOf(parameters);
    }

    /** The running-statistics tensors, in declaration order. */
    public List<ParameterTensor> statistics() {
        return List.copyOf(statistics);
    }

    /** Total trainable values. */
    public int parameterCount() {
        return (int) parameterCount;
    }

    /** Total running-statistics values. */
    public int statisticCount() {
        return (int) statisticCount;
    }
}
