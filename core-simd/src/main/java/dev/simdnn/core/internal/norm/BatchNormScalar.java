package dev.simdnn.core.internal.norm;

/** Plain-Java twin of {@link BatchNormPanama}: the same operations per element, so bitwise-equal results. */
public final class BatchNormScalar implements BatchNormKernels {

    @Override
    public void forwardTraining(int rows, int cols, float[] x, int xOff, float[] gamma, int gOff, float[] beta,
                                int bOff, float eps, float[] y, int yOff, float[] xhat, int xhOff, float[] mean,
                                float[] var, float[] invStd) {
        // mean[] and var[] first hold the shifted sums Σ(x − x₀) and Σ(x − x₀)².
        java.util.Arrays.fill(mean, 0, cols, 0f);
        java.util.Arrays.fill(var, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                float d = x[xOff + row + c] - x[xOff + c];
                mean[c] += d;
                var[c] = Math.fma(d, d, var[c]);
            }
        }
        float invM = 1f / rows;
        for (int c = 0; c < cols; c++) {
            float m1 = mean[c] * invM;
            float v = Math.max(Math.fma(-m1, m1, var[c] * invM), 0f);
            mean[c] = x[xOff + c] + m1;
            var[c] = v;
            invStd[c] = 1f / (float) Math.sqrt(v + eps);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                float h = (x[xOff + row + c] - mean[c]) * invStd[c];
                xhat[xhOff + row + c] = h;
                y[yOff + row + c] = Math.fma(gamma[gOff + c], h, beta[bOff + c]);
            }
        }
    }

    @Override
    public void backward(int rows, int cols, float[] dy, int dyOff, float[] xhat, int xhOff, float[] gamma, int gOff,
                         float[] invStd, float[] dx, int dxOff, float[] dGamma, int dgOff, float[] dBeta, int dbOff) {
        java.util.Arrays.fill(dGamma, dgOff, dgOff + cols, 0f);
        java.util.Arrays.fill(dBeta, dbOff, dbOff + cols, 0f);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                float g = dy[dyOff + row + c];
                dBeta[dbOff + c] += g;
                dGamma[dgOff + c] = Math.fma(g, xhat[xhOff + row + c], dGamma[dgOff + c]);
            }
        }
        float m = rows;
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                float k = gamma[gOff + c] * invStd[c] / m;
                float inner = Math.fma(-xhat[xhOff + row + c], dGamma[dgOff + c],
                        Math.fma(m, dy[dyOff + row + c], -dBeta[dbOff + c]));
                dx[dxOff + row + c] = k * inner;
            }
        }
    }

    @Override
    public void inference(int rows, int cols, float[] x, int xOff, float[] scale, int sOff, float[] shift, int shOff,
                          float[] y, int yOff) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int c = 0; c < cols; c++) {
                y[yOff + row + c] = Math.fma(x[xOff + row + c], scale[sOff + c], shift[shOff + c]);
            }
        }
    }
}
