package dev.simdnn.core.internal.blas1;

/**
 * Plain-Java twin of {@link Blas1Panama}. Four partial sums hide the add latency; {@link Math#fma} rounds
 * once per term as the vector {@code fma} does, so {@code axpy} and {@code scale} are bitwise equal to the twin.
 */
public final class Blas1Scalar implements Blas1Kernels {

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 = Math.fma(x[xOff + i], y[yOff + i], s0);
            s1 = Math.fma(x[xOff + i + 1], y[yOff + i + 1], s1);
            s2 = Math.fma(x[xOff + i + 2], y[yOff + i + 2], s2);
            s3 = Math.fma(x[xOff + i + 3], y[yOff + i + 3], s3);
        }
        for (; i < n; i++) {
            s0 = Math.fma(x[xOff + i], y[yOff + i], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float sum(int n, float[] x, int off) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float sumOfSquares(int n, float[] x, int off) {
        return dot(n, x, off, x, off);
    }

    @Override
    public float max(int n, float[] x, int off) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    @Override
    public int argmax(int n, float[] x, int off) {
        return Blas1Kernels.firstIndexOf(n, x, off, max(n, x, off));
    }

    @Override
    public void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scale(int n, float a, float[] x, int off) {
        for (int i = 0; i < n; i++) {
            x[off + i] *= a;
        }
    }
}
