package dev.simdnn.bench.gemm;

import dev.simdnn.bench.TurnByTurn;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.gemm.GemmKernels;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;

/**
 * simdnn's SGEMM and OpenBLAS's on one thread in one JVM, call by call in turn, best of N each: the GEMM
 * comparison that survives this machine's noise (see {@code dev.simdnn.bench.ab.SameJvm} for the idea). Both see
 * the same phases of the machine, so their ratio holds even when both move. Block sizes are the JVM's
 * ({@code -Dsimdnn.sgemm.kc=...}), read once: compare settings by running this again with others.
 *
 * <pre>bench/run gemm-best [-Dsimdnn.sgemm.kc=512 ...] SHAPE[,SHAPE...] [ROUNDS [THREADS]]</pre>
 * with SHAPE as {@code 1024x1024x1024:NN}, or {@code d1024x1024x1024:NN} for DGEMM against OpenBLAS's.
 *
 * Each result is checked (Freivalds) before it is timed; 4 s of warm-up on the training step's shapes first.
 * Prints GFLOPS of both and simdnn/OpenBLAS per shape, then their geometric mean. With THREADS &gt; 1 both use that
 * many threads. OpenBLAS's idle workers then spin after each of its calls (by default for 2^28 cycles, ~0.1 s)
 * and take the other core from simdnn's turn: simdnn measured 68-76 GFLOPS on 2 threads at 1024³ that way, 83-146
 * without. So more than one thread requires {@code OPENBLAS_THREAD_TIMEOUT} (read by OpenBLAS at start-up) at
 * most 8, as bench/run sets it (4: 16 cycles). It costs OpenBLAS one wake-up of its workers per call, against the
 * milliseconds of a call at these sizes.
 */
public final class GemmBestOf {
    private GemmBestOf() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: GemmBestOf SHAPE[,SHAPE...] [ROUNDS [THREADS]]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (threads > 1) {
            String timeout = System.getenv("OPENBLAS_THREAD_TIMEOUT");
            if (timeout == null || Integer.parseInt(timeout.trim()) > 8) {
                throw new IllegalStateException("OPENBLAS_THREAD_TIMEOUT=" + timeout + ": with " + threads
                        + " threads OpenBLAS's idle workers would spin through simdnn's turns; run through"
                        + " bench/run gemm-best, which sets it to 4");
            }
        }
        OpenBlas.init(threads);
        GemmKernels gemm = KernelProviders.panama().gemm();
        System.out.println("simdnn SGEMM blocking: " + gemm.sgemmBlocking());
        long warmupEnd = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (String warm : new String[] {"512x512x512:NN", "128x512x784:NT", "784x512x128:TN"}) {
                ratio(gemm, GemmShape.parse(warm), 1, threads, false);
            }
        }
        double logSum = 0;
        String[] shapes = args[0].split(",");
        for (String shape : shapes) {
            logSum += Math.log(shape.startsWith("d")
                    ? dgemmRatio(gemm, GemmShape.parse(shape.substring(1)), rounds, threads)
                    : ratio(gemm, GemmShape.parse(shape), rounds, threads, true));
        }
        System.out.printf("geometric mean of simdnn/OpenBLAS: %.3f%n", Math.exp(logSum / shapes.length));
    }

    /** {@link #ratio} for DGEMM, after 2 s of DGEMM warm-up on the shape itself. */
    private static double dgemmRatio(GemmKernels gemm, GemmShape s, int rounds, int threads) {
        double[] a = s.randomA(1), b = s.randomB(1), c = new double[s.m() * s.n()];
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b);
             DoublePointer pc = new DoublePointer((long) s.m() * s.n())) {
            Runnable ours = () -> gemm.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0, a, 0, s.lda(), b, 0,
                    s.ldb(), 0.0, c, 0, s.n(), threads);
            Runnable theirs = () -> openblas_full.cblas_dgemm(openblas_full.CblasRowMajor,
                    OpenBlas.trans(s.transA()), OpenBlas.trans(s.transB()), s.m(), s.n(), s.k(), 1.0, pa, s.lda(),
                    pb, s.ldb(), 0.0, pc, s.n());
            TurnByTurn.warmUp(2_000_000_000L, ours, theirs);
            s.verify("simdnn dgemm", a, b, i -> c[i], 1e-12);
            s.verify("OpenBLAS dgemm", a, b, i -> pc.get(i), 1e-12);
            return timeBoth(s, "d" + s.name(), 1e8, rounds, ours, theirs, true);    // ~2 ms per turn, as SGEMM's
        }
    }

    /** Best-of-{@code rounds} times of both on {@code threads}, turn by turn; returns OpenBLAS's time over simdnn's. */
    private static double ratio(GemmKernels gemm, GemmShape s, int rounds, int threads, boolean print) {
        double[] ad = s.randomA(1), bd = s.randomB(1);
        float[] a = GemmShape.toFloat(ad), b = GemmShape.toFloat(bd), c = new float[s.m() * s.n()];
        try (FloatPointer pa = new FloatPointer(a); FloatPointer pb = new FloatPointer(b);
             FloatPointer pc = new FloatPointer((long) s.m() * s.n())) {
            Runnable ours = () -> gemm.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, s.lda(), b, 0,
                    s.ldb(), 0f, c, 0, s.n(), Epilogue.NONE, threads);
            Runnable theirs = () -> openblas_full.cblas_sgemm(openblas_full.CblasRowMajor,
                    OpenBlas.trans(s.transA()), OpenBlas.trans(s.transB()), s.m(), s.n(), s.k(), 1f, pa, s.lda(),
                    pb, s.ldb(), 0f, pc, s.n());
            ours.run();
            theirs.run();
            s.verify("simdnn sgemm", ad, bd, i -> c[i], 1e-5);
            s.verify("OpenBLAS sgemm", ad, bd, i -> pc.get(i), 1e-5);
            return timeBoth(s, s.name(), 2e8, rounds, ours, theirs, print);         // ~2 ms of work per turn
        }
    }

    /**
     * Best of {@code rounds} turns of each, turn by turn, a turn being the calls that make {@code turnFlops} (at
     * least one); prints the shape's line when asked and returns OpenBLAS's time over simdnn's.
     */
    private static double timeBoth(GemmShape s, String label, double turnFlops, int rounds, Runnable ours,
                                   Runnable theirs, boolean print) {
        int calls = Math.max(1, (int) (turnFlops / s.flops()));
        double[] best = TurnByTurn.bestNanosPerCall(rounds, calls, ours, theirs);
        double ratio = best[1] / best[0];
        if (print) {
            System.out.printf("%-18s simdnn %6.1f GFLOPS  OpenBLAS %6.1f GFLOPS  simdnn/OpenBLAS %.3f%n", label,
                    s.flops() / best[0], s.flops() / best[1], ratio);
        }
        return ratio;
    }
}
