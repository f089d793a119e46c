package dev.simdnn.core.internal.elementwise;

import dev.simdnn.core.Activation;

/** Plain-Java twin of {@link ActivationPanama}. */
public final class ActivationScalar implements ActivationKernels {

    @Override
    public void forward(Activation f, float alpha, int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = ActivationMath.forward(f, alpha, x[xOff + i]);
        }
    }

    @Override
    public void backward(Activation f, float alpha, int n, float[] cached, int cOff, float[] dy, int dyOff,
                         float[] dx, int dxOff) {
        for (int i = 0; i < n; i++) {
            dx[dxOff + i] = ActivationMath.backward(f, alpha, cached[cOff + i], dy[dyOff + i]);
        }
    }

    @Override
    public void backwardWithBiasGradient(Activation f, float alpha, int rows, int cols, float[] cached, int cOff,
                                         float[] dy, int dyOff, float[] dz, int dzOff, float[] dBias, int dBiasOff) {
        java.util.Arrays.fill(dBias, dBiasOff, dBiasOff + cols, 0f);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                float g = ActivationMath.backward(f, alpha, cached[cOff + row + j], dy[dyOff + row + j]);
                dz[dzOff + row + j] = g;
                dBias[dBiasOff + j] += g;
            }
        }
    }
}
