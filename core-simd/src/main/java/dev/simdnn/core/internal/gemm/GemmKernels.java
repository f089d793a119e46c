package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.WorkerPool;

/**
 * GEMM entry points of one backend: {@code C = α·op(A)·op(B) + β·C} on row-major arrays, float (with an
 * optional fused {@link Epilogue}) and double. Arguments are valid (checked by {@link dev.simdnn.core.Gemm}).
 *
 * <p>Order of decisions: empty C returns; K = 0 or α = 0 only scales C (β = 0 writes zeros, ignoring
 * whatever C held); tiny problems take {@link SmallGemm}; the rest is packed and split between threads by
 * {@link GemmCall}. The result is the same bits for any thread count.
 */
public final class GemmKernels {
    private final MicroKernel<float[]> sgemm;
    private final MicroKernel<double[]> dgemm;

    /** Combines one backend's float and double micro-kernels (which must share KC with their twins). */
    public GemmKernels(MicroKernel<float[]> sgemm, MicroKernel<double[]> dgemm) {
        this.sgemm = sgemm;
        this.dgemm = dgemm;
    }

    /** The float micro-kernel's blocking (for benchmarks and tests). */
    public Blocking sgemmBlocking() {
        return sgemm.blocking();
    }

    /** The double micro-kernel's blocking. */
    public Blocking dgemmBlocking() {
        return dgemm.blocking();
    }

    /** Float GEMM with an epilogue ({@link Epilogue#NONE} for plain GEMM) on up to {@code threads} threads. */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc, Epilogue epilogue, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        GemmCall<float[]> call = Workspace.current().floatCall;
        fill(call, sgemm, transA, transB, m, n, k, alpha, beta, aOff, lda, bOff, ldb, cOff, ldc, epilogue);
        call.a = a;
        call.b = b;
        call.c = c;
        try {
            if (!scaleOnly(call) && !SmallGemm.trySgemm(call, sgemm.blocking().kc())) {
                execute(call, threads);
            }
        } finally {
            call.clear();
        }
    }

    /** Double GEMM on up to {@code threads} threads. */
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        GemmCall<double[]> call = Workspace.current().doubleCall;
        fill(call, dgemm, transA, transB, m, n, k, alpha, beta, aOff, lda, bOff, ldb, cOff, ldc, Epilogue.NONE);
        call.a = a;
        call.b = b;
        call.c = c;
        try {
            if (!scaleOnly(call) && !SmallGemm.tryDgemm(call, dgemm.blocking().kc())) {
                execute(call, threads);
            }
        } finally {
            call.clear();
        }
    }

    private static <A> void fill(GemmCall<A> call, MicroKernel<A> kernel, boolean transA, boolean transB,
                                 int m, int n, int k, double alpha, double beta, int aOff, int lda,
                                 int bOff, int ldb, int cOff, int ldc, Epilogue epilogue) {
        call.kernel = kernel;
        call.transA = transA;
        call.transB = transB;
        call.m = m;
        call.n = n;
        call.k = k;
        call.alpha = alpha;
        call.beta = beta;
        call.aOff = aOff;
        call.lda = lda;
        call.bOff = bOff;
        call.ldb = ldb;
        call.cOff = cOff;
        call.ldc = ldc;
        call.epilogue = epilogue;
    }

    /** K = 0 or α = 0: op(A)·op(B) contributes nothing, A and B are not read. */
    private static <A> boolean scaleOnly(GemmCall<A> call) {
        if (call.k != 0 && call.alpha != 0) {
            return false;
        }
        call.kernel.scale(call.c, call.cOff, call.ldc, call.m, call.n, call.beta);
        if (call.epilogue != null && !call.epilogue.isNone()) {
            call.kernel.finish(call.epilogue, call.c, call.cOff, call.ldc, call.m, call.n, 0, 0);
        }
        return true;
    }

    private static <A> void execute(GemmCall<A> call, int threads) {
        int parts = call.plan(threads);
        if (parts > 1 && WorkerPool.shared().tryInvoke(call, parts)) {
            return;
        }
        call.plan(1);   // pool busy with another caller's work: do it all here, same result
        call.run(0);
    }
}
