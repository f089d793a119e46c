package dev.simdnn.core.internal.norm;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API batch norm, L features at a time and four rows per pass: the per-feature accumulators and
 * constants (in the {@code cols}-long arrays) are loaded and stored once per four rows instead of once per
 * row, while x is still read row after row; the last {@code cols mod L} features take the scalar arithmetic.
 */
public final class BatchNormPanama implements BatchNormKernels {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();

    /** Rows processed per pass over a vector of features: accumulators and constants are loaded once per block. */
    private static final int ROW_BLOCK = 4;

    @Override
    public void forwardTraining(int rows, int cols, float[] x, int xOff, float[] gamma, int gOff, float[] beta,
                                int bOff, float eps, float[] y, int yOff, float[] xhat, int xhOff, float[] mean,
                                float[] var, float[] invStd) {
        int bound = S.loopBound(cols);
        java.util.Arrays.fill(mean, 0, cols, 0f);
        java.util.Arrays.fill(var, 0, cols, 0f);
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int block = Math.min(ROW_BLOCK, rows - r0);
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector shift = FloatVector.fromArray(S, x, xOff + c);
                FloatVector s1 = FloatVector.fromArray(S, mean, c), s2 = FloatVector.fromArray(S, var, c);
                for (int k = 0, at = xOff + r0 * cols + c; k < block; k++, at += cols) {
                    FloatVector d = FloatVector.fromArray(S, x, at).sub(shift);
                    s1 = s1.add(d);
                    s2 = d.fma(d, s2);
                }
                s1.intoArray(mean, c);
                s2.intoArray(var, c);
            }
            for (; c < cols; c++) {
                for (int k = 0, at = xOff + r0 * cols + c; k < block; k++, at += cols) {
                    float d = x[at] - x[xOff + c];
                    mean[c] += d;
                    var[c] = Math.fma(d, d, var[c]);
                }
            }
        }
        float invM = 1f / rows;
        int c = 0;
        for (; c < bound; c += L) {
            FloatVector m1 = FloatVector.fromArray(S, mean, c).mul(invM);
            FloatVector v = m1.neg().fma(m1, FloatVector.fromArray(S, var, c).mul(invM)).max(0f);
            FloatVector.fromArray(S, x, xOff + c).add(m1).intoArray(mean, c);
            v.intoArray(var, c);
            FloatVector.broadcast(S, 1f).div(v.add(eps).lanewise(VectorOperators.SQRT)).intoArray(invStd, c);
        }
        for (; c < cols; c++) {
            float m1 = mean[c] * invM;
            float v = Math.max(Math.fma(-m1, m1, var[c] * invM), 0f);
            mean[c] = x[xOff + c] + m1;
            var[c] = v;
            invStd[c] = 1f / (float) Math.sqrt(v + eps);
        }
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int block = Math.min(ROW_BLOCK, rows - r0);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector mu = FloatVector.fromArray(S, mean, j), inv = FloatVector.fromArray(S, invStd, j);
                FloatVector g = FloatVector.fromArray(S, gamma, gOff + j), b = FloatVector.fromArray(S, beta, bOff + j);
                for (int k = 0, row = r0 * cols; k < block; k++, row += cols) {
                    FloatVector h = FloatVector.fromArray(S, x, xOff + row + j).sub(mu).mul(inv);
                    h.intoArray(xhat, xhOff + row + j);
                    g.fma(h, b).intoArray(y, yOff + row + j);
                }
            }
            for (; j < cols; j++) {
                for (int k = 0, row = r0 * cols; k < block; k++, row += cols) {
                    float h = (x[xOff + row + j] - mean[j]) * invStd[j];
                    xhat[xhOff + row + j] = h;
                    y[yOff + row + j] = Math.fma(gamma[gOff + j], h, beta[bOff + j]);
                }
            }
        }
    }

    @Override
    public void backward(int rows, int cols, float[] dy, int dyOff, float[] xhat, int xhOff, float[] gamma, int gOff,
                         float[] invStd, float[] dx, int dxOff, float[] dGamma, int dgOff, float[] dBeta, int dbOff) {
        int bound = S.loopBound(cols);
        java.util.Arrays.fill(dGamma, dgOff, dgOff + cols, 0f);
        java.util.Arrays.fill(dBeta, dbOff, dbOff + cols, 0f);
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int block = Math.min(ROW_BLOCK, rows - r0);
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector sb = FloatVector.fromArray(S, dBeta, dbOff + c);
                FloatVector sg = FloatVector.fromArray(S, dGamma, dgOff + c);
                for (int k = 0, row = r0 * cols; k < block; k++, row += cols) {
                    FloatVector g = FloatVector.fromArray(S, dy, dyOff + row + c);
                    sb = sb.add(g);
                    sg = g.fma(FloatVector.fromArray(S, xhat, xhOff + row + c), sg);
                }
                sb.intoArray(dBeta, dbOff + c);
                sg.intoArray(dGamma, dgOff + c);
            }
            for (; c < cols; c++) {
                for (int k = 0, row = r0 * cols; k < block; k++, row += cols) {
                    float g = dy[dyOff + row + c];
                    dBeta[dbOff + c] += g;
                    dGamma[dgOff + c] = Math.fma(g, xhat[xhOff + row + c], dGamma[dgOff + c]);
                }
            }
        }
        float m = rows;
        FloatVector mv = FloatVector.broadcast(S, m);
        for (int r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
            int block = Math.min(ROW_BLOCK, rows - r0);
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector k = FloatVector.fromArray(S, gamma, gOff + c).mul(FloatVector.fromArray(S, invStd, c)).div(m);
                FloatVector sg = FloatVector.fromArray(S, dGamma, dgOff + c);
                FloatVector negSb = FloatVector.fromArray(S, dBeta, dbOff + c).neg();
                for (int q = 0, row = r0 * cols; q < block; q++, row += cols) {
                    FloatVector inner = FloatVector.fromArray(S, xhat, xhOff + row + c).neg()
                            .fma(sg, FloatVector.fromArray(S, dy, dyOff + row + c).fma(mv, negSb));
                    k.mul(inner).intoArray(dx, dxOff + row + c);
                }
            }
            for (; c < cols; c++) {
                float k = gamma[gOff + c] * invStd[c] / m;
                for (int q = 0, row = r0 * cols; q < block; q++, row += cols) {
                    float inner = Math.fma(-xhat[xhOff + row + c], dGamma[dgOff + c],
                            Math.fma(m, dy[dyOff + row + c], -dBeta[dbOff + c]));
                    dx[dxOff + row + c] = k * inner;
                }
            }
        }
    }

    @Override
    public void inference(int rows, int cols, float[] x, int xOff, float[] scale, int sOff, float[] shift, int shOff,
                          float[] y, int yOff) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, x, xOff + row + c)
                        .fma(FloatVector.fromArray(S, scale, sOff + c), FloatVector.fromArray(S, shift, shOff + c))
                        .intoArray(y, yOff + row + c);
            }
            for (; c < cols; c++) {
                y[yOff + row + c] = Math.fma(x[xOff + row + c], scale[sOff + c], shift[shOff + c]);
            }
        }
    }
}
