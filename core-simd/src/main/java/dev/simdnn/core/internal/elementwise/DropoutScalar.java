package dev.simdnn.core.internal.elementwise;

/** Plain-Java twin of {@link DropoutPanama}; same integer hash, so the same masks bit for bit. */
public final class DropoutScalar implements DropoutKernels {

    @Override
    public void forward(int n, float keep, long seed, long counter, float[] x, int xOff, float[] y, int yOff) {
        long keys = DropoutKernels.keys(seed);
        float scale = 1f / keep;
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] * (DropoutKernels.uniform(keys, counter + i) < keep ? scale : 0f);
        }
    }

    @Override
    public void backward(int n, float keep, long seed, long counter, float[] dy, int dyOff, float[] dx, int dxOff) {
        forward(n, keep, seed, counter, dy, dyOff, dx, dxOff);
    }

    @Override
    public void mask(int n, float keep, long seed, long counter, float[] m, int mOff) {
        long keys = DropoutKernels.keys(seed);
        float scale = 1f / keep;
        for (int i = 0; i < n; i++) {
            m[mOff + i] = DropoutKernels.uniform(keys, counter + i) < keep ? scale : 0f;
        }
    }
}
