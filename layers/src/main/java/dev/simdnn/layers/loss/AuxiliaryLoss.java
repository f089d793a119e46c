package dev.simdnn.layers.loss;

import java.util.Locale;
import java.util.Map;

/**
 * A loss on a hidden layer's output h (textbook F6, F24: sparsity-style penalties of autoencoders), added to the
 * objective and whose gradient is <b>added</b> to the gradient backpropagated into that layer's output (3.26,
 * trap P23). Two forms, both averaged over the batch rows:
 * {@code L2}: (λ/2)·Σh² (gradient λh); {@code L1}: λ·Σ|h| (subgradient λ·sign(h), 0 at 0).
 *
 * @param kind   L1 or L2
 * @param lambda the weight λ ≥ 0
 */
public record AuxiliaryLoss(Kind kind, double lambda) {
    /** The penalty's form. */
    public enum Kind { L1, L2 }

    public AuxiliaryLoss {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("Invalid lambda: " + lambda + " (must be finite and >= 0)");
        }
    }

    /** (λ/2)·Σh² per row, averaged over rows. */
    public static AuxiliaryLoss l2Activity(double lambda) {
        return new AuxiliaryLoss(Kind.L2, lambda);
    }

    /** λ·Σ|h| per row, averaged over rows (sparsity). */
    public static AuxiliaryLoss l1Activity(double lambda) {
        return new AuxiliaryLoss(Kind.L1, lambda);
    }

    /** Adds this loss's gradient into {@code grad} and returns its value, for {@code batch x width} values of h. */
    public double addTo(int batch, int width, float[] h, int hOff, float[] grad, int gOff) {
        int n = batch * width;
        float s = (float) (lambda / batch);
        double total = 0;
        for (int i = 0; i < n; i++) {
            float v = h[hOff + i];
            if (kind == Kind.L2) {
                total += (double) v * v;
                if (grad != null) {
                    grad[gOff + i] += s * v;
                }
            } else {
                total += Math.abs(v);
                if (grad != null) {
                    grad[gOff + i] += s * Math.signum(v);
                }
            }
        }
        return (kind == Kind.L2 ? 0.5 : 1.0) * lambda / batch * total;
    }

    /** The double reference of {@link #addTo}. */
    public double referenceAddTo(int batch, int width, double[] h, double[] grad) {
        int n = batch * width;
        double s = lambda / batch, total = 0;
        for (int i = 0; i < n; i++) {
            double v = h[i];
            total += kind == Kind.L2 ? 0.5 * v * v : Math.abs(v);
            if (grad != null) {
                grad[i] += kind == Kind.L2 ? s * v : s * Math.signum(v);
            }
        }
        return s * total;
    }

    /** Adds the R-operator of this loss's gradient along {@code rh} into {@code rGrad} (L2: (λ/batch)·rh; L1: 0). */
    public void referenceGradientR(int batch, double[] rh, double[] rGrad) {
        if (kind == Kind.L2) {
            for (int i = 0; i < rh.length; i++) {
                rGrad[i] += lambda / batch * rh[i];
            }
        }
    }

    /** {@code l2 lambda=...} for the model file. */
    public String spec() {
        return "kind=" + kind.name().toLowerCase(Locale.ROOT) + " lambda=" + lambda;
    }

    /** Reads {@link #spec()}. */
    public static AuxiliaryLoss parse(Map<String, String> spec) {
        return new AuxiliaryLoss(Kind.valueOf(spec.getOrDefault("kind", "l2").toUpperCase(Locale.ROOT)),
                Double.parseDouble(spec.getOrDefault("lambda", "0")));
    }
}
