package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.core.BatchNorm;
import dev.simdnn.core.Blas1;
import dev.simdnn.layers.init.SeededRandom;

import java.util.Arrays;

/**
 * Batch normalisation per feature over the batch (textbook §3.6, F51–F54; reference notes B7): in training
 * {@code y = γ·(x − μ_B)/√(σ²_B + ε) + β} with the batch's mean and biased variance, and a backward pass through
 * μ_B and σ²_B; in evaluation the running statistics, folded into one scale and shift per feature.
 *
 * <p>Placement (F51) is where the layer sits in the model: before the activation ({@code Dense(no bias) →
 * BatchNorm → Activation}, the placement the chapter favours; β then plays the bias, so the Dense layer needs
 * none) or after it. Defaults where the sources are silent are PyTorch's {@code BatchNorm1d}: ε = 1e-5,
 * momentum 0.1 (the weight of the new batch), the running variance updated with the unbiased batch variance,
 * γ = 1, β = 0, running mean 0 and variance 1. Training needs at least two rows per batch, as in PyTorch.
 * The running statistics move in {@link #updateStatistics}, which the model calls once per training step.
 */
public final class BatchNormLayer extends Layer {
    private final float eps;
    private final float momentum;
    private final boolean unbiased;
    private int gammaOffset;
    private int betaOffset;
    private int meanOffset;
    private int varOffset;

    /** Batch norm over {@code width} features with PyTorch's defaults. */
    public BatchNormLayer(int width) {
        this(width, BatchNorm.DEFAULT_EPS, BatchNorm.DEFAULT_MOMENTUM, true);
    }

    /**
     * @param width    features
     * @param eps      added to the variance inside the square root (> 0)
     * @param momentum weight of the batch statistics in the running averages, in [0, 1]
     * @param unbiased update the running variance with the unbiased (×m/(m−1)) batch variance
     */
    public BatchNormLayer(int width, float eps, float momentum, boolean unbiased) {
        super(width, width);
        if (!(eps > 0) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("Invalid eps: " + eps + " (must be finite and > 0)");
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("Invalid momentum: " + momentum + " (must be in [0, 1])");
        }
        this.eps = eps;
        this.momentum = momentum;
        this.unbiased = unbiased;
    }

    @Override
    public String kind() {
        return "batchnorm";
    }

    @Override
    public String spec() {
        return "width=" + inputWidth() + " eps=" + eps + " momentum=" + momentum + " unbiased=" + unbiased;
    }

    /** ε. */
    public float eps() {
        return eps;
    }

    /** Offset of γ in the parameter buffer (β follows at {@link #betaOffset()}). */
    public int gammaOffset() {
        return gammaOffset;
    }

    /** Offset of β in the parameter buffer. */
    public int betaOffset() {
        return betaOffset;
    }

    /** Offset of the running mean in the statistics buffer (the running variance follows). */
    public int runningMeanOffset() {
        return meanOffset;
    }

    @Override
    protected void declare(ParameterLayout layout) {
        int w = inputWidth();
        gammaOffset = layout.addParameter(name() + ".gamma", ParameterTensor.Role.SCALE, 1, w);
        betaOffset = layout.addParameter(name() + ".beta", ParameterTensor.Role.SHIFT, 1, w);
        meanOffset = layout.addStatistic(name() + ".running_mean", w);
        varOffset = layout.addStatistic(name() + ".running_var", w);
    }

    @Override
    protected void initialise(SeededRandom random) {
        int w = inputWidth();
        Arrays.fill(params, gammaOffset, gammaOffset + w, 1f);
        Arrays.fill(params, betaOffset, betaOffset + w, 0f);
        Arrays.fill(statistics, meanOffset, meanOffset + w, 0f);
        Arrays.fill(statistics, varOffset, varOffset + w, 1f);
    }

    static final class BatchNormFrame extends Frame {
        final float[] xhat;
        final float[] mean;
        final float[] var;
        final float[] invStd;
        final float[] dGamma;
        final float[] dBeta;
        final float[] scale;
        final float[] shift;

        BatchNormFrame(BatchNormLayer layer, int capacity, float[] gradients) {
            super(layer, capacity, gradients);
            int w = layer.inputWidth();
            xhat = new float[Math.multiplyExact(capacity, w)];
            mean = new float[w];
            var = new float[w];
            invStd = new float[w];
            dGamma = new float[w];
            dBeta = new float[w];
            scale = new float[w];
            shift = new float[w];
        }
    }

    @Override
    protected Frame newFrame(int capacity, float[] gradients) {
        return new BatchNormFrame(this, capacity, gradients);
    }

    private void checkTrainingBatch(int batch) {
        if (batch < 2) {
            throw new IllegalArgumentException(name() + ": batch norm in training needs at least 2 rows per batch, got "
                    + batch + " (use evaluation mode for single samples)");
        }
    }

    @Override
    protected void forward(Frame frame, int batch, float[] x, int xOff, Pass pass) {
        BatchNormFrame f = (BatchNormFrame) frame;
        int w = inputWidth();
        if (pass.training()) {
            checkTrainingBatch(batch);
            BatchNorm.forwardTraining(batch, w, x, xOff, params, gammaOffset, params, betaOffset, eps, f.out, 0,
                    f.xhat, 0, f.mean, f.var, f.invStd);
        } else {
            BatchNorm.fold(w, params, gammaOffset, params, betaOffset, statistics, meanOffset, statistics, varOffset,
                    eps, f.scale, 0, f.shift, 0);
            BatchNorm.inference(batch, w, x, xOff, f.scale, 0, f.shift, 0, f.out, 0);
        }
    }

    @Override
    protected void updateStatistics(Frame frame, int batch) {
        BatchNormFrame f = (BatchNormFrame) frame;
        BatchNorm.updateRunningStatistics(inputWidth(), batch, f.mean, f.var, momentum, unbiased, statistics,
                meanOffset, statistics, varOffset);
    }

    @Override
    protected void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff, Pass pass,
                            boolean inputGradient) {
        BatchNormFrame f = (BatchNormFrame) frame;
        int w = inputWidth();
        if (pass.training()) {
            BatchNorm.backward(batch, w, dOut, dOutOff, f.xhat, 0, params, gammaOffset, f.invStd, f.dIn, 0, f.dGamma,
                    0, f.dBeta, 0);
        } else {                                 // statistics are constants: dγ = Σ dy·x̂, dβ = Σ dy, dx = dy·scale
            Arrays.fill(f.dGamma, 0f);
            Arrays.fill(f.dBeta, 0f);
            for (int c = 0; c < w; c++) {
                float invStd = 1f / (float) Math.sqrt(statistics[varOffset + c] + eps);
                float mean = statistics[meanOffset + c];
                for (int r = 0; r < batch; r++) {
                    float dy = dOut[dOutOff + r * w + c];
                    f.dGamma[c] += dy * (x[xOff + r * w + c] - mean) * invStd;
                    f.dBeta[c] += dy;
                    f.dIn[r * w + c] = dy * f.scale[c];
                }
            }
        }
        Blas1.axpy(w, 1f, f.dGamma, 0, f.gradients, gammaOffset);
        Blas1.axpy(w, 1f, f.dBeta, 0, f.gradients, betaOffset);
    }

    @Override
    protected double[] forwardReference(double[] p, double[] stats, int batch, double[] x, Pass pass,
                                        KinkSignature kinks) {
        return normalise(p, stats, batch, x, pass, null, null);   // smooth: no kinks
    }

    /** y = γx̂ + β; also returns x̂ and 1/σ per feature when the arrays are given. */
    private double[] normalise(double[] p, double[] stats, int batch, double[] x, Pass pass, double[] xhat,
                               double[] invStd) {
        int w = inputWidth();
        double[] y = new double[batch * w];
        for (int c = 0; c < w; c++) {
            double mu, var;
            if (pass.training()) {
                checkTrainingBatch(batch);
                double s = 0;
                for (int r = 0; r < batch; r++) {
                    s += x[r * w + c];
                }
                mu = s / batch;
                double q = 0;
                for (int r = 0; r < batch; r++) {
                    double d = x[r * w + c] - mu;
                    q += d * d;
                }
                var = q / batch;                          // biased, ε added inside the root (trap P10)
            } else {
                mu = stats[meanOffset + c];
                var = stats[varOffset + c];
            }
            double is = 1 / Math.sqrt(var + eps);
            if (invStd != null) {
                invStd[c] = is;
            }
            for (int r = 0; r < batch; r++) {
                double h = (x[r * w + c] - mu) * is;
                if (xhat != null) {
                    xhat[r * w + c] = h;
                }
                y[r * w + c] = p[gammaOffset + c] * h + p[betaOffset + c];
            }
        }
        return y;
    }

    @Override
    protected double[] backwardReference(double[] p, double[] stats, int batch, double[] x, double[] dOut, Pass pass,
                                         double[] dParams) {
        int w = inputWidth();
        double[] xhat = new double[batch * w];
        double[] invStd = new double[w];
        normalise(p, stats, batch, x, pass, xhat, invStd);
        double[] dx = new double[batch * w];
        for (int c = 0; c < w; c++) {
            double dBeta = 0, dGamma = 0;
            for (int r = 0; r < batch; r++) {
                dBeta += dOut[r * w + c];
                dGamma += dOut[r * w + c] * xhat[r * w + c];
            }
            dParams[gammaOffset + c] += dGamma;
            dParams[betaOffset + c] += dBeta;
            double g = p[gammaOffset + c];
            for (int r = 0; r < batch; r++) {
                double dy = dOut[r * w + c];
                dx[r * w + c] = pass.training()
                        // textbook F53's closed form: (γ/(mσ))·(m·dy − Σdy − x̂·Σdy·x̂)
                        ? g * invStd[c] / batch * (batch * dy - dBeta - xhat[r * w + c] * dGamma)
                        : g * invStd[c] * dy;
            }
        }
        return dx;
    }
}
