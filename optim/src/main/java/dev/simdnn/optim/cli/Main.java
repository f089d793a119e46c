package dev.simdnn.optim.cli;

import dev.simdnn.core.Simd;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;

import java.util.SplittableRandom;

/**
 * The command-line main job. Until the training loop exists it reports the kernel path this JVM runs and
 * checks the Vector API kernels against their scalar twins on random data, exiting non-zero on a mismatch.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("usage: simdnn (no arguments yet: prints the active SIMD path and self-checks it)");
            System.exit(2);
        }
        System.out.println(Simd.describe());
        boolean ok = selfCheck();
        System.out.println(ok ? "self-check passed" : "self-check FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Runs every kernel family on both twins (where the Vector API is on) and compares the results. */
    static boolean selfCheck() {
        if (!KernelProviders.panamaAvailable()) {
            System.out.println("self-check: Vector API unavailable, only the scalar twins run here");
            return true;
        }
        KernelProvider scalar = KernelProviders.scalar();
        KernelProvider panama = KernelProviders.panama();
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 100_003;
        float[] x = new float[n], y = new float[n];
        double exact = 0, magnitude = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
            y[i] = (float) rnd.nextDouble(-1, 1);
            exact += (double) x[i] * y[i];
            magnitude += Math.abs((double) x[i] * y[i]);
        }
        boolean ok = true;
        for (KernelProvider p : new KernelProvider[] {scalar, panama}) {
            float dot = p.blas1().dot(n, x, 0, y, 0);
            double relative = Math.abs(dot - exact) / magnitude;
            boolean pass = relative <= n * 0x1p-24;
            System.out.printf("  dot n=%d  %-6s %.7g  (exact %.7g, error %.2e of sum|x*y|) %s%n",
                    n, p.backend(), dot, exact, relative, pass ? "ok" : "WRONG");
            ok &= pass;
        }
        return ok;
    }
}
