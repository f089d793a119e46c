package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.Parallelism;

/**
 * General matrix multiply on row-major arrays: {@code C = α·op(A)·op(B) + β·C}, op(X) = X or Xᵀ, float and
 * double, on the {@linkplain Backend#active() active backend} and {@link #threads()} threads.
 *
 * <p>Layout (row-major, as in CBLAS with {@code CblasRowMajor}): C is m×n with element (i, j) at
 * {@code c[cOff + i·ldc + j]}, {@code ldc >= n}. op(A) is m×k: stored as m×k ({@code lda >= k}) when
 * {@code transA == N}, as k×m ({@code lda >= m}) when {@code T}. op(B) is k×n: stored k×n ({@code ldb >= n})
 * or n×k ({@code ldb >= k}). Elements of C outside the m×n sub-matrix are never touched.
 *
 * <p>Semantics follow BLAS: when β = 0, C is not read (NaN or garbage there is overwritten); when α = 0 or
 * k = 0, A and B are not read. All arguments are checked before anything is written: a bad one throws
 * {@link IllegalArgumentException} naming it and the numbers.
 *
 * <p>Accuracy: each element is a sum of k products accumulated with fused multiply-adds in blocks of KC
 * (1024 for float, 512 for double); the error is within {@code γ_k·Σ|a_ip·b_pj|} with
 * {@code γ_k = k·u/(1 - k·u)} (u = 2^-24 for float, 2^-53 for double), plus one rounding each for α and β.
 * Results are bitwise identical for any thread count, and between the Vector API and scalar backends, fused
 * epilogues included: the transcendental activations are plain arithmetic (the internal {@code FloatMath}), the
 * same bits on every JIT tier.
 */
public final class Gemm {
    private Gemm() {}

    /** Default number of threads for GEMM ({@code -Dsimdnn.threads}, else the available processors). */
    public static int threads() {
        return Parallelism.threads();
    }

    /** Sets the default number of threads (≥ 1). Results do not depend on it. */
    public static void setThreads(int threads) {
        Parallelism.setThreads(threads);
    }

    /** Float GEMM: {@code C = α·op(A)·op(B) + β·C}. */
    public static void sgemm(Trans transA, Trans transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, Epilogue.NONE,
                threads());
    }

    /** Float GEMM with a fused epilogue: {@code C = act(α·op(A)·op(B) + β·C + bias)}. */
    public static void sgemm(Trans transA, Trans transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, epilogue, threads());
    }

    /** Float GEMM with a fused epilogue on at most {@code threads} threads. */
    public static void sgemm(Trans transA, Trans transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc, Epilogue epilogue, int threads) {
        Checks.notNull("epilogue", epilogue);
        check(transA, transB, m, n, k, threads);
        checkOperand("a", Checks.notNull("a", a).length, aOff, lda, transA, m, k, "m", "k");
        checkOperand("b", Checks.notNull("b", b).length, bOff, ldb, transB, k, n, "k", "n");
        checkMatrix("c", Checks.notNull("c", c).length, cOff, ldc, m, n);
        epilogue.check(m, n);
        KernelProviders.active().gemm().sgemm(transA.transposed(), transB.transposed(), m, n, k, alpha,
                a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, epilogue, threads);
    }

    /** Double GEMM: {@code C = α·op(A)·op(B) + β·C}. */
    public static void dgemm(Trans transA, Trans transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads());
    }

    /** Double GEMM on at most {@code threads} threads. */
    public static void dgemm(Trans transA, Trans transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc, int threads) {
        check(transA, transB, m, n, k, threads);
        checkOperand("a", Checks.notNull("a", a).length, aOff, lda, transA, m, k, "m", "k");
        checkOperand("b", Checks.notNull("b", b).length, bOff, ldb, transB, k, n, "k", "n");
        checkMatrix("c", Checks.notNull("c", c).length, cOff, ldc, m, n);
        KernelProviders.active().gemm().dgemm(transA.transposed(), transB.transposed(), m, n, k, alpha,
                a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads);
    }

    private static void check(Trans transA, Trans transB, int m, int n, int k, int threads) {
        Checks.notNull("transA", transA);
        Checks.notNull("transB", transB);
        Checks.nonNegative("m", m);
        Checks.nonNegative("n", n);
        Checks.nonNegative("k", k);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** op(X) is rows×cols; stored as rows×cols (N) or cols×rows (T). */
    private static void checkOperand(String name, int length, int off, int ld, Trans trans, int rows, int cols,
                                     String rowsName, String colsName) {
        boolean t = trans == Trans.T;
        int storedRows = t ? cols : rows, storedCols = t ? rows : cols;
        if (ld < storedCols) {
            // The message is built only here: built before the check, it allocated 48 bytes per call wherever C2
            // did not remove it (every call without tiered compilation).
            throw new IllegalArgumentException("ld" + name + " must be >= " + (t ? rowsName : colsName) + " = "
                    + storedCols + " for trans" + name.toUpperCase(java.util.Locale.ROOT) + "=" + trans
                    + ", got " + ld);
        }
        checkMatrix(name, length, off, ld, storedRows, storedCols);
    }

    /** A stored rows×cols row-major matrix at {@code off} with leading dimension {@code ld} fits the array. */
    static void checkMatrix(String name, int length, int off, int ld, int rows, int cols) {
        if (ld < cols) {
            throw new IllegalArgumentException("ld" + name + " must be >= " + cols + ", got " + ld);
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + ": offset must be >= 0, got " + off);
        }
        long needed = rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
        if (off + needed > length) {
            throw new IllegalArgumentException(name + ": " + rows + "x" + cols + " with ld" + name + " = " + ld
                    + " at offset " + off + " needs " + (off + needed) + " elements, array has " + length);
        }
    }
}
