package dev.simdnn.optim.avg;

/**
 * The exponential moving average θ'_t = βθ'_{t−1} + (1 − β)θ_t from θ'_0 = 0 (reference notes M43; seed 003).
 * Its {@link #value} is the bias-corrected θ'_t/(1 − βᵗ): the recursive form starts at 0 and under-weights early
 * steps, while the explicit weighted average of the θ_i equals the corrected value (trap P17). {@link #raw} gives
 * the uncorrected recursion.
 */
public final class ExponentialAverage extends ParameterAverage {
    private final float beta;

    public ExponentialAverage(int size, float beta) {
        super(size);
        if (!(beta >= 0f && beta < 1f)) {
            throw new IllegalArgumentException("Invalid beta: " + beta + " (must be in [0, 1))");
        }
        this.beta = beta;
    }

    @Override
    void accumulate(float[] params, int off, long t) {
        float rest = 1f - beta;
        for (int i = 0; i < average.length; i++) {
            average[i] = Math.fma(beta, average[i], rest * params[off + i]);
        }
    }

    /** θ'_t/(1 − βᵗ). */
    @Override
    public void value(float[] out, int off) {
        float correction = steps() == 0 ? 1f : (float) (1 - Math.pow(beta, steps()));
        for (int i = 0; i < average.length; i++) {
            out[off + i] = average[i] / correction;
        }
    }

    /** The uncorrected recursion θ'_t. */
    public void raw(float[] out, int off) {
        System.arraycopy(average, 0, out, off, average.length);
    }
}
