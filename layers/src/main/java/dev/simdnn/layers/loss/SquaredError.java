package dev.simdnn.layers.loss;

import dev.simdnn.core.Losses;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.check.KinkSignature;

/**
 * Squared error against target values (lectures M7): {@code c·Σ(p − t)²}, with c = ½ when {@code half} (the
 * lectures' 1/(2N) form, gradient p − t) or 1 (PyTorch's {@code MSELoss}, gradient 2(p − t)); MEAN divides by the
 * number of elements, as PyTorch does. Predictions are the outputs.
 */
public final class SquaredError extends LossHead {
    private final boolean half;

    /** ½·mean squared error. */
    public SquaredError() {
        this(Reduction.MEAN, true);
    }

    public SquaredError(Reduction reduction, boolean half) {
        super(reduction);
        this.half = half;
    }

    @Override
    public String kind() {
        return "squared_error";
    }

    @Override
    public String spec() {
        return super.spec() + " half=" + half;
    }

    @Override
    public boolean acceptsLabels() {
        return false;
    }

    @Override
    public boolean acceptsValues() {
        return true;
    }

    @Override
    public double loss(int batch, int width, float[] out, int off, Targets targets, int row0, float[] grad, int gOff) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        return Losses.squaredError(batch * width, out, off, t.values(), t.valueOffset(), grad, gOff, reduction, half);
    }

    @Override
    public double[] referenceGradientR(int batch, int width, double[] out, double[] rOut, Targets targets) {
        int n = batch * width;
        double c = (half ? 0.5 : 1.0) * scale(n);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 2 * c * rOut[i];
        }
        return r;
    }

    @Override
    public double referenceLoss(int batch, int width, double[] out, Targets targets, int row0, double[] grad,
                                KinkSignature kinks) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        int n = batch * width;
        double c = (half ? 0.5 : 1.0) * scale(n), total = 0;
        for (int i = 0; i < n; i++) {
            double d = out[i] - t.values()[t.valueOffset() + i];
            total += d * d;
            if (grad != null) {
                grad[i] = 2 * c * d;
            }
        }
        return c * total;
    }
}
