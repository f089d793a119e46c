package dev.simdnn.optim.cli;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.Simd;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code simdnn self-check}: reports the kernel path this JVM runs and checks every kernel family of the Vector
 * API backend against its scalar twin on random data; exit code 1 on a mismatch.
 */
final class SelfCheck {
    private SelfCheck() {}

    /** Prints the path and the checks; returns the exit code. */
    static int run() {
        System.out.println(Simd.describe());
        boolean ok = selfCheck();
        System.out.println(ok ? "self-check passed" : "self-check FAILED");
        return ok ? 0 : 1;
    }

    /** Runs each kernel family on both twins and compares; prints one line per check. */
    static boolean selfCheck() {
        if (!KernelProviders.panamaAvailable()) {
            System.out.println("self-check: Vector API unavailable, only the scalar twins run here");
            return true;
        }
        KernelProvider scalar = KernelProviders.scalar(), panama = KernelProviders.panama();
        SplittableRandom rnd = new SplittableRandom(42);
        boolean ok = true;

        int n = 100_003;
        float[] x = random(rnd, n), y = random(rnd, n);
        double exact = 0, magnitude = 0;
        for (int i = 0; i < n; i++) {
            exact += (double) x[i] * y[i];
            magnitude += Math.abs((double) x[i] * y[i]);
        }
        double error = Math.abs(panama.blas1().dot(n, x, 0, y, 0) - exact) / magnitude;
        ok &= report("dot, 100003 elements", error <= n * 0x1p-24, String.format("error %.1e of sum|x*y|", error));

        int m = 257, cols = 300, k = 600;
        float[] a = random(rnd, m * k), b = random(rnd, k * cols), bias = random(rnd, cols);
        float[] c1 = new float[m * cols], c2 = new float[m * cols];
        Epilogue relu = Epilogue.of(Activation.RELU).withBias(bias, 0);
        scalar.gemm().sgemm(false, true, m, cols, k, 1f, a, 0, k, b, 0, k, 0f, c1, 0, cols, relu, 1);
        panama.gemm().sgemm(false, true, m, cols, k, 1f, a, 0, k, b, 0, k, 0f, c2, 0, cols, relu, 2);
        ok &= report("sgemm 257x300x600 NT + bias + ReLU", Arrays.equals(c1, c2), "scalar 1 thread = vector 2 threads, bitwise");

        for (Activation f : Activation.values()) {
            float[] ys = new float[n], yp = new float[n];
            scalar.activations().forward(f, f.defaultAlpha(), n, x, 0, ys, 0);
            panama.activations().forward(f, f.defaultAlpha(), n, x, 0, yp, 0);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(ys[i] - yp[i]) / (Math.ulp(Math.max(Math.abs(ys[i]), 1e-3f))));
            }
            ok &= report("activation " + f, worst <= 8, String.format("max difference %.0f ulp", worst));
        }

        int rows = 128, classes = 10;
        float[] logits = random(rnd, rows * classes);
        int[] labels = new int[rows];
        Arrays.setAll(labels, i -> i % classes);
        double ls = scalar.losses().softmaxCrossEntropy(rows, classes, logits, 0, labels, 0, null, 0, 1f);
        double lp = panama.losses().softmaxCrossEntropy(rows, classes, logits, 0, labels, 0, null, 0, 1f);
        ok &= report("softmax cross-entropy 128x10", Math.abs(ls - lp) <= 1e-5 * Math.abs(ls),
                String.format("%.6f vs %.6f", ls, lp));
        return ok;
    }

    private static boolean report(String what, boolean pass, String detail) {
        System.out.printf("  %-55s %s (%s)%n", what, pass ? "ok" : "WRONG", detail);
        return pass;
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }
}
