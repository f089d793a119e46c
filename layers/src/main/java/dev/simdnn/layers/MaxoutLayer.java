package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.core.Maxout;

/**
 * Maxout over k pieces (textbook F16, Goodfellow et al. 2013): {@code y_u = max_p x_{p,u}} for {@code units}
 * outputs from {@code k·units} inputs laid out piece-major (piece p of unit u at column p·units + u), the
 * gradient routed only to the arg-max piece (ties to the first). Preceded by a Dense layer of {@code k·units}
 * outputs it is the maxout unit max{W₁x + b₁, …, W_k x + b_k}; {@code Sequential.Builder.maxout} adds both.
 */
public final class MaxoutLayer extends Layer {
    private final int k;

    /** Maxout of {@code k} pieces per unit, {@code units} outputs. */
    public MaxoutLayer(int units, int k) {
        super(Math.multiplyExact(units, checkK(k)), units);
        this.k = k;
    }

    private static int checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("maxout needs k >= 1 pieces, got " + k);
        }
        return k;
    }

    /** Pieces per unit. */
    public int pieces() {
        return k;
    }

    @Override
    public String kind() {
        return "maxout";
    }

    @Override
    public String spec() {
        return "units=" + outputWidth() + " k=" + k;
    }

    static final class MaxoutFrame extends Frame {
        final int[] argmax;

        MaxoutFrame(MaxoutLayer layer, int capacity, float[] gradients) {
            super(layer, capacity, gradients);
            argmax = new int[Math.multiplyExact(capacity, layer.outputWidth())];
        }
    }

    @Override
    protected Frame newFrame(int capacity, float[] gradients) {
        return new MaxoutFrame(this, capacity, gradients);
    }

    @Override
    protected void forward(Frame frame, int batch, float[] x, int xOff, Pass pass) {
        Maxout.forward(batch, outputWidth(), k, x, xOff, frame.out, 0, ((MaxoutFrame) frame).argmax, 0);
    }

    @Override
    protected void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff, Pass pass,
                            boolean inputGradient) {
        if (inputGradient) {
            Maxout.backward(batch, outputWidth(), k, dOut, dOutOff, ((MaxoutFrame) frame).argmax, 0, frame.dIn, 0);
        }
    }

    private int argmax(double[] x, int row, int unit) {
        int units = outputWidth(), base = row * k * units, best = 0;
        for (int p = 1; p < k; p++) {
            if (x[base + p * units + unit] > x[base + best * units + unit]) {
                best = p;
            }
        }
        return best;
    }

    @Override
    protected double[] forwardReference(double[] p, double[] stats, int batch, double[] x, Pass pass,
                                        KinkSignature kinks) {
        int units = outputWidth();
        double[] y = new double[batch * units];
        for (int r = 0; r < batch; r++) {
            for (int u = 0; u < units; u++) {
                int best = argmax(x, r, u);
                if (kinks != null && k > 1) {
                    kinks.record(best);
                }
                y[r * units + u] = x[r * k * units + best * units + u];
            }
        }
        return y;
    }

    @Override
    protected double[][] forwardR(double[] p, double[] vP, double[] stats, int batch, double[] x, double[] rx,
                                  Pass pass) {
        int units = outputWidth();
        double[] y = new double[batch * units], ry = new double[batch * units];
        for (int r = 0; r < batch; r++) {
            for (int u = 0; u < units; u++) {
                int at = r * k * units + argmax(x, r, u) * units + u;      // routing is locally constant
                y[r * units + u] = x[at];
                ry[r * units + u] = rx[at];
            }
        }
        return new double[][] {y, ry};
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
        int units = outputWidth();
        double[] dx = new double[batch * k * units];
        for (int r = 0; r < batch; r++) {
            for (int u = 0; u < units; u++) {
                dx[r * k * units + argmax(x, r, u) * units + u] = dOut[r * units + u];
            }
        }
        return dx;
    }
}
