package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.core.Activation;
import dev.simdnn.core.Activations;
import dev.simdnn.layers.check.ReferenceMath;

import java.util.Locale;

/**
 * An element-wise activation layer (textbook F10–F15, Table 3.1): {@code y = f(x)}, backward
 * {@code dx = dy ⊙ f′}, with f′ taken from the output for sigmoid and tanh and from the input otherwise
 * ({@link Activation}). Use it where an activation does not follow a Dense layer directly, e.g. after batch norm
 * in the pre-activation placement (Linear → BatchNorm → ReLU); after a Dense layer the fused activation of
 * {@link Dense} is cheaper.
 */
public final class ActivationLayer extends Layer {
    private final Activation activation;
    private final float alpha;

    /** {@code f} on {@code width} values per sample; {@code alpha} NaN for f's default. */
    public ActivationLayer(int width, Activation activation, float alpha) {
        super(width, width);
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.activation = activation;
        this.alpha = checkedAlpha(activation, alpha);
    }

    /** α resolved: NaN gives the activation's default; activations without a parameter keep NaN. */
    static float checkedAlpha(Activation activation, float alpha) {
        if (!activation.hasAlpha()) {
            return Float.NaN;
        }
        float a = Float.isNaN(alpha) ? activation.defaultAlpha() : alpha;
        if (!Float.isFinite(a)) {
            throw new IllegalArgumentException("alpha for " + activation + " must be finite, got " + alpha);
        }
        return a;
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    /** Its parameter (NaN when none). */
    public float alpha() {
        return alpha;
    }

    @Override
    public String kind() {
        return "activation";
    }

    @Override
    public String spec() {
        return "width=" + inputWidth() + " activation=" + activation.name().toLowerCase(Locale.ROOT) + " alpha=" + alpha;
    }

    @Override
    protected Frame newFrame(int capacity, float[] gradients) {
        return new Frame(this, capacity, gradients);
    }

    @Override
    protected void forward(Frame frame, int batch, float[] x, int xOff, Pass pass) {
        Activations.forward(activation, alpha, batch * inputWidth(), x, xOff, frame.out, 0);
    }

    @Override
    protected void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff, Pass pass,
                            boolean inputGradient) {
        if (!inputGradient) {
            return;
        }
        int n = batch * inputWidth();
        if (activation.derivativeFromOutput()) {
            Activations.backward(activation, alpha, n, frame.out, 0, dOut, dOutOff, frame.dIn, 0);
        } else {
            Activations.backward(activation, alpha, n, x, xOff, dOut, dOutOff, frame.dIn, 0);
        }
    }

    @Override
    protected double[] forwardReference(double[] p, double[] stats, int batch, double[] x, Pass pass,
                                        KinkSignature kinks) {
        double[] y = new double[batch * inputWidth()];
        for (int i = 0; i < y.length; i++) {
            ReferenceMath.recordKink(kinks, activation, alpha, x[i]);
            y[i] = ReferenceMath.activate(activation, alpha, x[i]);
        }
        return y;
    }

    @Override
    protected double[][] forwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                  Pass pass) {
        double[] y = new double[x.length], ry = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = ReferenceMath.activate(activation, alpha, x[i]);
            ry[i] = ReferenceMath.derivative(activation, alpha, x[i]) * rx[i];
        }
        return new double[][] {y, ry};
    }

    @Override
    protected double[][] backwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                   double[] dOut, double[] rdOut, Pass pass, double[] rdParams) {
        double[] dx = new double[x.length], rdx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d1 = ReferenceMath.derivative(activation, alpha, x[i]);
            dx[i] = dOut[i] * d1;
            rdx[i] = rdOut[i] * d1 + dOut[i] * ReferenceMath.secondDerivative(activation, alpha, x[i]) * rx[i];
        }
        return new double[][] {dx, rdx};
    }

    @Override
    protected double[] backwardReference(double[] p, double[] stats, int batch, double[] x, double[] dOut, Pass pass,
                                         double[] dParams) {
        double[] dx = new double[batch * inputWidth()];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = dOut[i] * ReferenceMath.derivative(activation, alpha, x[i]);
        }
        return dx;
    }
}
