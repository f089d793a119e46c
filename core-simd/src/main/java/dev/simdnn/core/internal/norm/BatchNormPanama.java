package dev.simdnn.core.internal.norm;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API batch norm, L features at a time. The passes that sum over the batch (the statistics, dγ and dβ)
 * take four rows per pass, so the per-feature sums in the {@code cols}-long arrays are loaded and stored once per
 * four rows instead of once per row; the four-row loop has a constant trip count, so that C2 unrolls it (written
 * with a variable one for the last rows, it measured 1.5-2x slower), and the last {@code rows mod 4} rows take a
 * one-row loop. The passes that write x̂, y or dx go row by row. The last {@code cols mod L} features take the
 * scalar arithmetic.
 */
public final class BatchNormPanama implements BatchNormKernels {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();

    /** Rows per pass of the sums over the batch: their accumulators are loaded and stored once per block. */
    private static final int ROW_BLOCK = 4;

    @Override
    public void forwardTraining(int rows, int cols, float[] x, int xOff, float[] gamma, int gOff, float[] beta,
                                int bOff, float eps, float[] y, int yOff, float[] xhat, int xhOff, float[] mean,
                                float[] var, float[] invStd) {
        int bound = S.loopBound(cols);
        // mean[] and var[] first hold the shifted sums Σ(x − x₀) and Σ(x − x₀)², ROW_BLOCK rows per pass
        java.util.Arrays.fill(mean, 0, cols, 0f);
        java.util.Arrays.fill(var, 0, cols, 0f);
        int r0 = 0;
        for (; r0 + ROW_BLOCK <= rows; r0 += ROW_BLOCK) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector shift = FloatVector.fromArray(S, x, xOff + c);
                FloatVector s1 = FloatVector.fromArray(S, mean, c), s2 = FloatVector.fromArray(S, var, c);
                for (int k = 0, at = xOff + r0 * cols + c; k < ROW_BLOCK; k++, at += cols) {
                    FloatVector d = FloatVector.fromArray(S, x, at).sub(shift);
                    s1 = s1.add(d);
                    s2 = d.fma(d, s2);
                }
                s1.intoArray(mean, c);
                s2.intoArray(var, c);
            }
            shiftedSumsTail(c, r0, ROW_BLOCK, cols, x, xOff, mean, var);
        }
        for (; r0 < rows; r0++) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector d = FloatVector.fromArray(S, x, xOff + r0 * cols + c)
                        .sub(FloatVector.fromArray(S, x, xOff + c));
                FloatVector.fromArray(S, mean, c).add(d).intoArray(mean, c);
                d.fma(d, FloatVector.fromArray(S, var, c)).intoArray(var, c);
            }
            shiftedSumsTail(c, r0, 1, cols, x, xOff, mean, var);
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
        // x̂ and y row by row: no accumulator to keep, and x, x̂, y stay three sequential streams
        for (int r = 0, row = 0; r < rows; r++, row += cols) {
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector h = FloatVector.fromArray(S, x, xOff + row + j).sub(FloatVector.fromArray(S, mean, j))
                        .mul(FloatVector.fromArray(S, invStd, j));
                h.intoArray(xhat, xhOff + row + j);
                FloatVector.fromArray(S, gamma, gOff + j).fma(h, FloatVector.fromArray(S, beta, bOff + j))
                        .intoArray(y, yOff + row + j);
            }
            for (; j < cols; j++) {
                float h = (x[xOff + row + j] - mean[j]) * invStd[j];
                xhat[xhOff + row + j] = h;
                y[yOff + row + j] = Math.fma(gamma[gOff + j], h, beta[bOff + j]);
            }
        }
    }

    /** The shifted sums of features c.. (the last cols mod L) over rows r0 .. r0 + block − 1. */
    private static void shiftedSumsTail(int c, int r0, int block, int cols, float[] x, int xOff, float[] sum,
                                        float[] sumSq) {
        for (; c < cols; c++) {
            for (int k = 0, at = xOff + r0 * cols + c; k < block; k++, at += cols) {
                float d = x[at] - x[xOff + c];
                sum[c] += d;
                sumSq[c] = Math.fma(d, d, sumSq[c]);
            }
        }
    }

    @Override
    public void backward(int rows, int cols, float[] dy, int dyOff, float[] xhat, int xhOff, float[] gamma, int gOff,
                         float[] invStd, float[] dx, int dxOff, float[] dGamma, int dgOff, float[] dBeta, int dbOff) {
        int bound = S.loopBound(cols);
        java.util.Arrays.fill(dGamma, dgOff, dgOff + cols, 0f);
        java.util.Arrays.fill(dBeta, dbOff, dbOff + cols, 0f);
        int r0 = 0;
        for (; r0 + ROW_BLOCK <= rows; r0 += ROW_BLOCK) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector sb = FloatVector.fromArray(S, dBeta, dbOff + c);
                FloatVector sg = FloatVector.fromArray(S, dGamma, dgOff + c);
                for (int k = 0, row = r0 * cols; k < ROW_BLOCK; k++, row += cols) {
                    FloatVector g = FloatVector.fromArray(S, dy, dyOff + row + c);
                    sb = sb.add(g);
                    sg = g.fma(FloatVector.fromArray(S, xhat, xhOff + row + c), sg);
                }
                sb.intoArray(dBeta, dbOff + c);
                sg.intoArray(dGamma, dgOff + c);
            }
            parameterGradientsTail(c, r0, ROW_BLOCK, cols, dy, dyOff, xhat, xhOff, dGamma, dgOff, dBeta, dbOff);
        }
        for (; r0 < rows; r0++) {
            int c = 0, row = r0 * cols;
            for (; c < bound; c += L) {
                FloatVector g = FloatVector.fromArray(S, dy, dyOff + row + c);
                FloatVector.fromArray(S, dBeta, dbOff + c).add(g).intoArray(dBeta, dbOff + c);
                g.fma(FloatVector.fromArray(S, xhat, xhOff + row + c), FloatVector.fromArray(S, dGamma, dgOff + c))
                        .intoArray(dGamma, dgOff + c);
            }
            parameterGradientsTail(c, r0, 1, cols, dy, dyOff, xhat, xhOff, dGamma, dgOff, dBeta, dbOff);
        }
        float m = rows;
        FloatVector mv = FloatVector.broadcast(S, m);
        for (int r = 0, row = 0; r < rows; r++, row += cols) {
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector k = FloatVector.fromArray(S, gamma, gOff + c).mul(FloatVector.fromArray(S, invStd, c))
                        .div(m);
                FloatVector inner = FloatVector.fromArray(S, xhat, xhOff + row + c).neg()
                        .fma(FloatVector.fromArray(S, dGamma, dgOff + c),
                                FloatVector.fromArray(S, dy, dyOff + row + c)
                                        .fma(mv, FloatVector.fromArray(S, dBeta, dbOff + c).neg()));
                k.mul(inner).intoArray(dx, dxOff + row + c);
            }
            for (; c < cols; c++) {
                float k = gamma[gOff + c] * invStd[c] / m;
                float inner = Math.fma(-xhat[xhOff + row + c], dGamma[dgOff + c],
                        Math.fma(m, dy[dyOff + row + c], -dBeta[dbOff + c]));
                dx[dxOff + row + c] = k * inner;
            }
        }
    }

    /** dβ and dγ of features c.. (the last cols mod L) over rows r0 .. r0 + block − 1. */
    private static void parameterGradientsTail(int c, int r0, int block, int cols, float[] dy, int dyOff,
                                               float[] xhat, int xhOff, float[] dGamma, int dgOff, float[] dBeta,
                                               int dbOff) {
        for (; c < cols; c++) {
            for (int k = 0, row = r0 * cols; k < block; k++, row += cols) {
                float g = dy[dyOff + row + c];
                dBeta[dbOff + c] += g;
                dGamma[dgOff + c] = Math.fma(g, xhat[xhOff + row + c], dGamma[dgOff + c]);
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
