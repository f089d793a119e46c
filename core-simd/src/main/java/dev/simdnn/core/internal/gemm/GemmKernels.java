package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.WorkerPool;

/**
 * GEMM entry points of one backend: {@code C = α·op(A)·op(B) + β·C} on row-major arrays, float (with an
 * optional fused {@link Epilogue}) and double. Arguments are valid (checked by {@link dev.simdnn.core.Gemm}).
 *
 * <p>Order of decisions: empty C returns; K = 0 or α = 0 only scales C (β = 0 writes zeros, ignoring
 * whatever C held); a single row with B not transposed takes {@link RowVectorGemm}; tiny problems take
 * {@link SmallGemm}; the rest is packed and split between threads by
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
        Workspace ws = Workspace.current();
        GemmCall<float[]> call = ws.floatCall;
        fill(call, sgemm, transA, transB, m, n, k, alpha, beta, aOff, lda, bOff, ldb, cOff, ldc, epilogue);
        call.a = a;
        call.b = b;
        call.c = c;
        try {
            if (!scaleOnly(call) && !RowVectorGemm.tryRun(call, ws) && !SmallGemm.trySgemm(call, sgemm.blocking().kc())) {
                compute(call, ws.floatTransposedCall, ws, threads);
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
        Workspace ws = Workspace.current();
        GemmCall<double[]> call = ws.doubleCall;
        fill(call, dgemm, transA, transB, m, n, k, alpha, beta, aOff, lda, bOff, ldb, cOff, ldc, Epilogue.NONE);
        call.a = a;
        call.b = b;
        call.c = c;
        try {
            if (!scaleOnly(call) && !RowVectorGemm.tryRun(call, ws) && !SmallGemm.tryDgemm(call, dgemm.blocking().kc())) {
                compute(call, ws.doubleTransposedCall, ws, threads);
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

    /**
     * A C of one or two vectors of columns (as the kernel's {@link MicroKernel#narrowWidth} says) takes the
     * narrow path. Otherwise the packed path runs in whichever orientation pads less. Tiles are MR x NR, so a C
     * with few columns wastes much of every tile (n = 40 against AVX-512's NR = 32 is padded to 64); its
     * transpose Cᵀ = op(B)ᵀ·op(A)ᵀ has those 40 as rows, five whole tiles of MR = 8. Cᵀ lives in a workspace
     * buffer: C is copied in (when β reads it), the product runs there with the caller's α and β, and is copied
     * back.
     * Every element gets exactly the arithmetic of the direct orientation, so the choice, which depends on
     * the kernel's tile shape, changes the speed and never the bits.
     */
    private static <A> void compute(GemmCall<A> call, GemmCall<A> transposed, Workspace ws, int threads) {
        int width = call.kernel.narrowWidth(call.n);
        if (width > 0) {
            // One or two vectors of columns: A read in place, B packed once (NarrowDriver).
            call.packedB = call.kernel.buffer(ws, Workspace.Slot.NARROW_PANEL, call.k * width);
            call.kernel.packPanel(call.transB, call.b, call.bOff, call.ldb, call.k, call.n, width, call.packedB);
            execute(call, threads);
            return;
        }
        Blocking bl = call.kernel.blocking();
        long direct = roundUp(call.m, bl.mr()) * roundUp(call.n, bl.nr());
        long flipped = roundUp(call.n, bl.mr()) * roundUp(call.m, bl.nr());
        if (flipped * 5 >= direct * 4) {     // less than 20 % saved does not pay for the copies of C
            execute(call, threads);
            return;
        }
        MicroKernel<A> kernel = call.kernel;
        int m = call.m, n = call.n;
        A t = kernel.buffer(ws, Workspace.Slot.TRANSPOSED_C, m * n);
        if (call.beta != 0) {
            kernel.transpose(call.c, call.cOff, call.ldc, m, n, t, 0, m);
        }
        fill(transposed, kernel, !call.transB, !call.transA, n, m, call.k, call.alpha, call.beta,
                call.bOff, call.ldb, call.aOff, call.lda, 0, m, Epilogue.NONE);
        transposed.a = call.b;
        transposed.b = call.a;
        transposed.c = t;
        try {
            execute(transposed, threads);
        } finally {
            transposed.clear();
        }
        kernel.transpose(t, 0, m, n, m, call.c, call.cOff, call.ldc);
        if (call.epilogue != null && !call.epilogue.isNone()) {
            kernel.finish(call.epilogue, call.c, call.cOff, call.ldc, m, n, 0, 0);
        }
    }

    private static long roundUp(int x, int multiple) {
        return (long) (x + multiple - 1) / multiple * multiple;
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
