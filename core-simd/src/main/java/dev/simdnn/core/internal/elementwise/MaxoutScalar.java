package dev.simdnn.core.internal.elementwise;

/** Plain-Java twin of {@link MaxoutPanama}. */
public final class MaxoutScalar implements MaxoutKernels {

    @Override
    public void forward(int rows, int units, int k, float[] x, int xOff, float[] y, int yOff, int[] argmax,
                        int aOff) {
        forwardColumns(rows, units, k, 0, x, xOff, y, yOff, argmax, aOff);
    }

    /** Units {@code from .. units-1} of every row (the Vector API twin's tail). */
    static void forwardColumns(int rows, int units, int k, int from, float[] x, int xOff, float[] y, int yOff,
                               int[] argmax, int aOff) {
        for (int r = 0; r < rows; r++) {
            int in = xOff + r * k * units, out = r * units;
            for (int u = from; u < units; u++) {
                float best = x[in + u];
                int arg = 0;
                for (int p = 1; p < k; p++) {
                    float v = x[in + p * units + u];
                    if (v > best || (Float.isNaN(v) && !Float.isNaN(best))) {
                        best = v;
                        arg = p;
                    }
                }
                y[yOff + out + u] = best;
                argmax[aOff + out + u] = arg;
            }
        }
    }

    @Override
    public void backward(int rows, int units, int k, float[] dy, int dyOff, int[] argmax, int aOff, float[] dx,
                         int dxOff) {
        for (int r = 0; r < rows; r++) {
            int in = dxOff + r * k * units, out = r * units;
            for (int p = 0; p < k; p++) {
                for (int u = 0; u < units; u++) {
                    dx[in + p * units + u] = argmax[aOff + out + u] == p ? dy[dyOff + out + u] : 0f;
                }
            }
        }
    }
}
