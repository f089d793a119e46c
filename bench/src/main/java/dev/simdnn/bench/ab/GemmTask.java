package dev.simdnn.bench.ab;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.Gemm;
import dev.simdnn.core.Trans;

import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * A {@link SameJvm} task of one square SGEMM, {@code C = A·B} with n = the task's "batch", on
 * {@code -Dsimdnn.bench.threads} threads (default 1): {@code bench/ab --task gemm}. Its "samples per second" are
 * rows of C per second, so the A/B ratio is the ratio of GFLOPS. It uses only public API, so {@code bench/ab} can
 * run it against older builds.
 */
public final class GemmTask implements LongUnaryOperator {
    private final int n;
    private final int threads = Integer.getInteger("simdnn.bench.threads", 1);
    private final float[] a, b, c;

    /** The {@link SameJvm} task for an n x n x n product. */
    public GemmTask(Integer n) {
        this.n = n;
        SplittableRandom rnd = new SplittableRandom(n);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
    }

    @Override
    public long applyAsLong(long steps) {
        long start = System.nanoTime();
        for (long s = 0; s < steps; s++) {
            Gemm.sgemm(Trans.N, Trans.N, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n, Epilogue.NONE, threads);
        }
        return System.nanoTime() - start;
    }
}
