package dev.simdnn.optim.avg;

/** The simple Polyak average θ̄_t = (1/t) Σ θ_i, updated as θ̄ ← θ̄ + (θ − θ̄)/t (no growing sum to overflow). */
public final class RunningMean extends ParameterAverage {
    public RunningMean(int size) {
        super(size);
    }

    @Override
    void accumulate(float[] params, int off, long t) {
        float w = 1f / t;
        for (int i = 0; i < average.length; i++) {
            average[i] = Math.fma(params[off + i] - average[i], w, average[i]);
        }
    }

    @Override
    public void value(float[] out, int off) {
        System.arraycopy(average, 0, out, off, average.length);
    }
}
