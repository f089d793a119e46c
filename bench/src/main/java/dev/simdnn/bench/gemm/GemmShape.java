package dev.simdnn.bench.gemm;

import java.util.SplittableRandom;

/**
 * A benchmark shape {@code "MxNxK:FORM"}: C (M x N) = op(A) (M x K) · op(B) (K x N), FORM one of NN, NT, TN,
 * TT (transposition of A, then B). Operands are dense (leading dimension = stored width) and random in
 * [-1, 1). {@link #verify} checks a result by Freivalds' test, C·t = A·(B·t), in O(n²).
 */
record GemmShape(int m, int n, int k, boolean transA, boolean transB) {

    static GemmShape parse(String spec) {
        String[] parts = spec.split("[x:]");
        if (parts.length != 4 || parts[3].length() != 2) {
            throw new IllegalArgumentException("shape must look like 128x512x784:NN, got " + spec);
        }
        return new GemmShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                parts[3].charAt(0) == 'T', parts[3].charAt(1) == 'T');
    }

    /** The shape as it is written: {@code 128x512x784:NN}. */
    String name() {
        return m + "x" + n + "x" + k + ":" + (transA ? "T" : "N") + (transB ? "T" : "N");
    }

    int lda() {
        return transA ? m : k;
    }

    int ldb() {
        return transB ? k : n;
    }

    /** Floating-point operations of one product. */
    double flops() {
        return 2.0 * m * n * k;
    }

    double[] randomA(long seed) {
        return random(seed, (long) m * k);
    }

    double[] randomB(long seed) {
        return random(seed + 1, (long) k * n);
    }

    private static double[] random(long seed, long length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[Math.toIntExact(length)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);   // representable in float: same data for both precisions
        }
        return x;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private double a(double[] a, int i, int p) {
        return transA ? a[p * m + i] : a[i * k + p];
    }

    private double b(double[] b, int p, int j) {
        return transB ? b[j * k + p] : b[p * n + j];
    }

    /**
     * Freivalds: for a random t, compares C·t with A·(B·t) within {@code tol·(|A|·(|B|·|t|))} per row;
     * throws naming the benchmark if they differ (a fast wrong kernel must not produce a number).
     */
    void verify(String what, double[] a, double[] b, java.util.function.IntToDoubleFunction c, double tol) {
        SplittableRandom rnd = new SplittableRandom(99);
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = rnd.nextDouble(-1, 1);
        }
        double[] bt = new double[k], bAbs = new double[k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bt[p] += b(b, p, j) * t[j];
                bAbs[p] += Math.abs(b(b, p, j) * t[j]);
            }
        }
        for (int i = 0; i < m; i++) {
            double expected = 0, magnitude = 0, got = 0;
            for (int p = 0; p < k; p++) {
                expected += a(a, i, p) * bt[p];
                magnitude += Math.abs(a(a, i, p)) * bAbs[p];
            }
            for (int j = 0; j < n; j++) {
                got += c.applyAsDouble(i * n + j) * t[j];
            }
            if (!(Math.abs(got - expected) <= tol * magnitude + 1e-30)) {
                throw new IllegalStateException(what + " " + this + ": row " + i + " gives C·t = " + got
                        + ", A·(B·t) = " + expected);
            }
        }
    }
}
