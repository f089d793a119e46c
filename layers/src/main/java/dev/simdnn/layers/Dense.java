package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.core.Activation;
import dev.simdnn.core.Activations;
import dev.simdnn.core.Blas1;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.Gemm;
import dev.simdnn.core.Trans;
import dev.simdnn.layers.check.ReferenceMath;
import dev.simdnn.layers.init.Initializer;
import dev.simdnn.layers.init.SeededRandom;

/**
 * A fully connected layer with an optional fused activation: {@code Y = f(X·W + b)} for a batch X
 * ({@code batch x in}), W stored {@code in x out} row-major (the textbook's z = Wᵀx, trap P13) and b one value per
 * output. Forward is one GEMM with the bias and activation fused into its epilogue; backward is
 * {@code dZ = dY ⊙ f′} with the bias gradient in the same pass, then {@code dW += Xᵀ·dZ} and {@code dX = dZ·Wᵀ}.
 *
 * <p>A <b>tied</b> layer ({@link #tiedTo}) uses another Dense layer's weight transposed, as the decoder of an
 * autoencoder with tied weights: {@code Y = f(X·Wᵀ + b)} with its own bias. Both layers add their gradient into
 * the one weight gradient (textbook F8: "pretend that these weights are independent, compute their derivatives,
 * and add them").
 */
public final class Dense extends Layer {
    private final boolean hasBias;
    private final Activation activation;
    private final float alpha;
    private final Initializer initializer;
    private final Dense tiedTo;
    private int weightOffset = -1;
    private int biasOffset = -1;

    /**
     * @param in          inputs per sample (fan-in)
     * @param out         outputs per sample (fan-out)
     * @param bias        with a bias vector (initialised to zero)
     * @param activation  fused activation ({@link Activation#IDENTITY} for a plain affine layer)
     * @param alpha       the activation's parameter (NaN for its default)
     * @param initializer how W starts
     */
    public Dense(int in, int out, boolean bias, Activation activation, float alpha, Initializer initializer) {
        this(in, out, bias, activation, alpha, initializer, null);
    }

    private Dense(int in, int out, boolean bias, Activation activation, float alpha, Initializer initializer,
                  Dense tiedTo) {
        super(in, out);
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null (use IDENTITY)");
        }
        this.hasBias = bias;
        this.activation = activation;
        this.alpha = ActivationLayer.checkedAlpha(activation, alpha);
        this.initializer = initializer != null ? initializer : Initializer.xavierNormal();
        this.tiedTo = tiedTo;
    }

    /** A linear layer {@code in -> out} with bias and no activation, Xavier-initialised. */
    public static Dense linear(int in, int out) {
        return new Dense(in, out, true, Activation.IDENTITY, Float.NaN, null);
    }

    /**
     * A layer that reuses {@code encoder}'s weight transposed ({@code encoder.out -> encoder.in}), with its own
     * bias; it must come after the encoder in the same model.
     */
    public static Dense tiedTo(Dense encoder, boolean bias, Activation activation, float alpha) {
        if (encoder == null) {
            throw new IllegalArgumentException("encoder must not be null");
        }
        return new Dense(encoder.outputWidth(), encoder.inputWidth(), bias, activation, alpha, encoder.initializer,
                encoder);
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public String spec() {
        return "in=" + inputWidth() + " out=" + outputWidth() + " bias=" + hasBias + " activation="
                + activation.name().toLowerCase(java.util.Locale.ROOT) + " alpha=" + alpha + " init="
                + initializer.spec() + (tiedTo != null ? " tied=" + tiedTo.name() : "");
    }

    /** The fused activation. */
    public Activation activation() {
        return activation;
    }

    /** The activation's parameter (NaN when it has none). */
    public float alpha() {
        return alpha;
    }

    /** True when the layer has a bias. */
    public boolean hasBias() {
        return hasBias;
    }

    /** The layer whose weight this one uses transposed, or null. */
    public Dense tiedTo() {
        return tiedTo;
    }

    /** The initialiser of W. */
    public Initializer initializer() {
        return initializer;
    }

    /** Offset of W in the parameter buffer. */
    public int weightOffset() {
        return weightOffset;
    }

    /** Offset of b in the parameter buffer, or −1 without bias. */
    public int biasOffset() {
        return biasOffset;
    }

    @Override
    protected void declare(ParameterLayout layout) {
        if (tiedTo != null) {
            if (tiedTo.weightOffset < 0) {
                throw new IllegalArgumentException(name() + " is tied to " + tiedTo.name()
                        + ", which must come earlier in the same model");
            }
            weightOffset = tiedTo.weightOffset;
        } else {
            weightOffset = layout.addParameter(name() + ".weight", ParameterTensor.Role.WEIGHT, inputWidth(),
                    outputWidth());
        }
        if (hasBias) {
            biasOffset = layout.addParameter(name() + ".bias", ParameterTensor.Role.BIAS, 1, outputWidth());
        }
    }

    @Override
    protected void initialise(SeededRandom random) {
        if (tiedTo == null) {
            initializer.fill(params, weightOffset, inputWidth(), outputWidth(), random);
        }
    }

    /** Dense scratch: the pre-activation (when f′ needs the input), dZ, the bias-gradient row, a fixed epilogue. */
    static final class DenseFrame extends Frame {
        final float[] pre;
        final float[] dz;
        final float[] dBias;
        final Epilogue epilogue;

        DenseFrame(Dense layer, int capacity, float[] gradients) {
            super(layer, capacity, gradients);
            int n = Math.multiplyExact(capacity, layer.outputWidth());
            boolean keepPre = layer.activation != Activation.IDENTITY && !layer.activation.derivativeFromOutput();
            this.pre = keepPre ? new float[n] : null;
            this.dz = gradients != null ? new float[n] : null;
            this.dBias = layer.hasBias ? new float[layer.outputWidth()] : null;
            Epilogue e = Epilogue.of(layer.activation, layer.alpha);
            if (layer.hasBias) {
                e = e.withBias(layer.params, layer.biasOffset);
            }
            if (keepPre) {
                e = e.keepingPreActivation(pre, 0, layer.outputWidth());
            }
            this.epilogue = e;
        }
    }

    @Override
    protected Frame newFrame(int capacity, float[] gradients) {
        return new DenseFrame(this, capacity, gradients);
    }

    @Override
    protected void forward(Frame frame, int batch, float[] x, int xOff, Pass pass) {
        DenseFrame f = (DenseFrame) frame;
        int in = inputWidth(), out = outputWidth();
        if (tiedTo == null) {
            Gemm.sgemm(Trans.N, Trans.N, batch, out, in, 1f, x, xOff, in, params, weightOffset, out, 0f, f.out, 0,
                    out, f.epilogue, f.gemmThreads);
        } else {                                     // W is the encoder's (out x in) here: Y = X·Wᵀ
            Gemm.sgemm(Trans.N, Trans.T, batch, out, in, 1f, x, xOff, in, params, weightOffset, in, 0f, f.out, 0,
                    out, f.epilogue, f.gemmThreads);
        }
    }

    @Override
    protected void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff, Pass pass,
                            boolean inputGradient) {
        DenseFrame f = (DenseFrame) frame;
        int in = inputWidth(), out = outputWidth();
        float[] cached = activation.derivativeFromOutput() ? f.out : f.pre != null ? f.pre : f.out;
        if (hasBias) {
            Activations.backwardWithBiasGradient(activation, alpha, batch, out, cached, 0, dOut, dOutOff, f.dz, 0,
                    f.dBias, 0);
            Blas1.axpy(out, 1f, f.dBias, 0, f.gradients, biasOffset);
        } else {
            Activations.backward(activation, alpha, batch * out, cached, 0, dOut, dOutOff, f.dz, 0);
        }
        if (tiedTo == null) {
            Gemm.sgemm(Trans.T, Trans.N, in, out, batch, 1f, x, xOff, in, f.dz, 0, out, 1f, f.gradients, weightOffset,
                    out, Epilogue.NONE, f.gemmThreads);
            if (inputGradient) {
                Gemm.sgemm(Trans.N, Trans.T, batch, in, out, 1f, f.dz, 0, out, params, weightOffset, out, 0f, f.dIn,
                        0, in, Epilogue.NONE, f.gemmThreads);
            }
        } else {                                     // the encoder's weight is (out x in) from here
            Gemm.sgemm(Trans.T, Trans.N, out, in, batch, 1f, f.dz, 0, out, x, xOff, in, 1f, f.gradients, weightOffset,
                    in, Epilogue.NONE, f.gemmThreads);
            if (inputGradient) {
                Gemm.sgemm(Trans.N, Trans.N, batch, in, out, 1f, f.dz, 0, out, params, weightOffset, in, 0f, f.dIn,
                        0, in, Epilogue.NONE, f.gemmThreads);
            }
        }
    }

    /** Z = X·W + b in double (W transposed when tied). */
    private double[] preActivation(double[] p, int batch, double[] x) {
        int in = inputWidth(), out = outputWidth();
        double[] z = ReferenceMath.matmul(false, tiedTo != null, batch, out, in, x, 0, p, weightOffset);
        if (hasBias) {
            for (int r = 0; r < batch; r++) {
                for (int c = 0; c < out; c++) {
                    z[r * out + c] += p[biasOffset + c];
                }
            }
        }
        return z;
    }

    @Override
    protected double[] forwardReference(double[] p, double[] stats, int batch, double[] x, Pass pass,
                                        KinkSignature kinks) {
        double[] z = preActivation(p, batch, x);
        for (int i = 0; i < z.length; i++) {
            ReferenceMath.recordKink(kinks, activation, alpha, z[i]);
            z[i] = ReferenceMath.activate(activation, alpha, z[i]);
        }
        return z;
    }

    @Override
    protected double[][] forwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                  Pass pass) {
        double[] z = preActivation(p, batch, x), rz = preActivationR(p, vP, batch, x, rx);
        double[] y = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            y[i] = ReferenceMath.activate(activation, alpha, z[i]);
            rz[i] *= ReferenceMath.derivative(activation, alpha, z[i]);
        }
        return new double[][] {y, rz};
    }

    /** R(Z) = R(X)·W + X·V_W + V_b (W transposed when tied). */
    private double[] preActivationR(double[] p, double[] vP, int batch, double[] x, double[] rx) {
        int in = inputWidth(), out = outputWidth();
        boolean t = tiedTo != null;
        double[] r = ReferenceMath.matmul(false, t, batch, out, in, rx, 0, p, weightOffset);
        double[] xv = ReferenceMath.matmul(false, t, batch, out, in, x, 0, vP, weightOffset);
        for (int i = 0; i < r.length; i++) {
            r[i] += xv[i] + (hasBias ? vP[biasOffset + i % out] : 0);
        }
        return r;
    }

    @Override
    protected double[][] backwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                   double[] dOut, double[] rdOut, Pass pass, double[] rdParams) {
        int in = inputWidth(), out = outputWidth();
        boolean t = tiedTo != null;
        double[] z = preActivation(p, batch, x), rz = preActivationR(p, vP, batch, x, rx);
        double[] dz = new double[z.length], rdz = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double d1 = ReferenceMath.derivative(activation, alpha, z[i]);
            dz[i] = dOut[i] * d1;
            rdz[i] = rdOut[i] * d1 + dOut[i] * ReferenceMath.secondDerivative(activation, alpha, z[i]) * rz[i];
        }
        if (hasBias) {
            for (int i = 0; i < rdz.length; i++) {
                rdParams[biasOffset + i % out] += rdz[i];
            }
        }
        double[] a = t ? ReferenceMath.matmul(true, false, out, in, batch, rdz, 0, x, 0)      // R(dZᵀX)
                : ReferenceMath.matmul(true, false, in, out, batch, x, 0, rdz, 0);             // R(XᵀdZ)
        double[] b = t ? ReferenceMath.matmul(true, false, out, in, batch, dz, 0, rx, 0)
                : ReferenceMath.matmul(true, false, in, out, batch, rx, 0, dz, 0);
        for (int i = 0; i < a.length; i++) {
            rdParams[weightOffset + i] += a[i] + b[i];
        }
        double[] dx = ReferenceMath.matmul(false, !t, batch, in, out, dz, 0, p, weightOffset);
        double[] rdx = ReferenceMath.matmul(false, !t, batch, in, out, rdz, 0, p, weightOffset);
        double[] dzv = ReferenceMath.matmul(false, !t, batch, in, out, dz, 0, vP, weightOffset);
        for (int i = 0; i < rdx.length; i++) {
            rdx[i] += dzv[i];
        }
        return new double[][] {dx, rdx};
    }

    @Override
    protected double[] backwardReference(double[] p, double[] stats, int batch, double[] x, double[] dOut, Pass pass,
                                         double[] dParams) {
        int in = inputWidth(), out = outputWidth();
        double[] z = preActivation(p, batch, x);
        double[] dz = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            dz[i] = dOut[i] * ReferenceMath.derivative(activation, alpha, z[i]);
        }
        if (hasBias) {
            for (int r = 0; r < batch; r++) {
                for (int c = 0; c < out; c++) {
                    dParams[biasOffset + c] += dz[r * out + c];
                }
            }
        }
        double[] dW = tiedTo == null ? ReferenceMath.matmul(true, false, in, out, batch, x, 0, dz, 0)
                : ReferenceMath.matmul(true, false, out, in, batch, dz, 0, x, 0);
        for (int i = 0; i < dW.length; i++) {
            dParams[weightOffset + i] += dW[i];
        }
        return ReferenceMath.matmul(false, tiedTo == null, batch, in, out, dz, 0, p, weightOffset);
    }
}
