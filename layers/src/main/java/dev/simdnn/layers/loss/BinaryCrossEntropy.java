package dev.simdnn.layers.loss;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Activations;
import dev.simdnn.core.Losses;
import dev.simdnn.core.Reduction;
import dev.simdnn.layers.check.KinkSignature;

/**
 * Binary cross-entropy on logits against targets in [0, 1], one independent binary output per column (PyTorch's
 * {@code BCEWithLogitsLoss}): {@code Σ max(x, 0) − x·y + log(1 + e^−|x|)}, the stable form of
 * −y·log σ(x) − (1 − y)·log(1 − σ(x)); gradient σ(x) − y. MEAN divides by the number of elements. Predictions are
 * σ(x).
 */
public final class BinaryCrossEntropy extends LossHead {
    public BinaryCrossEntropy() {
        this(Reduction.MEAN);
    }

    public BinaryCrossEntropy(Reduction reduction) {
        super(reduction);
    }

    @Override
    public String kind() {
        return "binary_cross_entropy";
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
        return Losses.binaryCrossEntropyWithLogits(batch * width, out, off, t.values(), t.valueOffset(), grad, gOff,
                reduction);
    }

    @Override
    public double[] referenceGradientR(int batch, int width, double[] out, double[] rOut, Targets targets) {
        int n = batch * width;
        double s = scale(n);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = out[i], sig = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            r[i] = s * sig * (1 - sig) * rOut[i];
        }
        return r;
    }

    @Override
    public double referenceLoss(int batch, int width, double[] out, Targets targets, int row0, double[] grad,
                                KinkSignature kinks) {
        Targets t = shifted(targets, row0, width);
        checkTargets(t, batch, width);
        int n = batch * width;
        double s = scale(n), total = 0;
        for (int i = 0; i < n; i++) {
            double x = out[i], y = t.values()[t.valueOffset() + i];
            total += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
            if (grad != null) {
                double sigmoid = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
                grad[i] = s * (sigmoid - y);
            }
        }
        return s * total;
    }

    @Override
    public void activate(int batch, int width, float[] out, int off, float[] dest, int dOff) {
        Activations.forward(Activation.SIGMOID, batch * width, out, off, dest, dOff);
    }
}
