package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.core.Dropout;

/**
 * Inverted dropout (Srivastava et al. 2014; reference notes B10, the seeds only mention it): in training each
 * value is kept with probability {@code keep} and scaled by 1/keep; in evaluation the layer is the identity. The
 * mask is a pure function of (seed, step, row, column) ({@link Pass#noiseCounter}), recomputed in the backward
 * pass instead of stored, and identical however a batch is split across threads. Gradient checks hold the mask
 * fixed by evaluating the same pass.
 */
public final class DropoutLayer extends Layer {
    private final float keep;
    private final long seed;

    /**
     * @param width values per sample
     * @param rate  probability of dropping a value, in [0, 1) (PyTorch's {@code p}; keep = 1 − rate)
     * @param seed  the mask stream's seed
     */
    public DropoutLayer(int width, double rate, long seed) {
        super(width, width);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Invalid dropout rate: " + rate + " (must be in [0, 1))");
        }
        this.keep = (float) (1 - rate);
        this.seed = seed;
    }

    /** Probability of keeping a value. */
    public float keep() {
        return keep;
    }

    /** The mask stream's seed. */
    public long seed() {
        return seed;
    }

    @Override
    public String kind() {
        return "dropout";
    }

    @Override
    public String spec() {
        return "width=" + inputWidth() + " keep=" + keep + " seed=" + seed;
    }

    @Override
    protected Frame newFrame(int capacity, float[] gradients) {
        return new Frame(this, capacity, gradients);
    }

    @Override
    protected void forward(Frame frame, int batch, float[] x, int xOff, Pass pass) {
        int n = batch * inputWidth();
        if (pass.training() && keep < 1f) {
            Dropout.forward(n, keep, seed, pass.noiseCounter(inputWidth()), x, xOff, frame.out, 0);
        } else {
            System.arraycopy(x, xOff, frame.out, 0, n);
        }
    }

    @Override
    protected void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff, Pass pass,
                            boolean inputGradient) {
        if (!inputGradient) {
            return;
        }
        int n = batch * inputWidth();
        if (pass.training() && keep < 1f) {
            Dropout.backward(n, keep, seed, pass.noiseCounter(inputWidth()), dOut, dOutOff, frame.dIn, 0);
        } else {
            System.arraycopy(dOut, dOutOff, frame.dIn, 0, n);
        }
    }

    /** The mask values (1/keep or 0) of a pass, widened to double; all ones in evaluation. */
    private double[] mask(int batch, Pass pass) {
        int n = batch * inputWidth();
        double[] m = new double[n];
        if (pass.training() && keep < 1f) {
            float[] f = new float[n];
            Dropout.mask(n, keep, seed, pass.noiseCounter(inputWidth()), f, 0);
            for (int i = 0; i < n; i++) {
                m[i] = f[i];
            }
        } else {
            java.util.Arrays.fill(m, 1);
        }
        return m;
    }

    @Override
    protected double[] forwardReference(double[] p, double[] stats, int batch, double[] x, Pass pass,
                                        KinkSignature kinks) {
        double[] m = mask(batch, pass);
        for (int i = 0; i < m.length; i++) {
            m[i] *= x[i];
        }
        return m;
    }

    @Override
    protected double[][] forwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                  Pass pass) {
        return new double[][] {forwardReference(p, stats, batch, x, pass, null),
                forwardReference(p, stats, batch, rx, pass, null)};     // linear in x
    }

    @Override
    protected double[][] backwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                   double[] dOut, double[] rdOut, Pass pass, double[] rdParams) {
        return new double[][] {backwardReference(p, stats, batch, x, dOut, pass, rdParams),
                backwardReference(p, stats, batch, x, rdOut, pass, rdParams)};
    }

    @Override
    protected double[] backwardReference(double[] p, double[] stats, int batch, double[] x, double[] dOut, Pass pass,
                                         double[] dParams) {
        double[] m = mask(batch, pass);
        for (int i = 0; i < m.length; i++) {
            m[i] *= dOut[i];
        }
        return m;
    }
}
