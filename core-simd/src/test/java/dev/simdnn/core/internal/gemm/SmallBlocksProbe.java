package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run by {@link SharedPanelTest} in a JVM with tiny cache blocks (KC, MC and NC of a few dozen), so that products of
 * a few hundred rows cross many panels of B: the threads then pack and share a panel many times per call, take
 * blocks of rows in turn and wait for each other between panels ({@link GemmDriver#runShared}). Prints one line per
 * failure and {@code shared panels: P of T} (P products that matched on 1, 2 and 3 threads, bitwise, Vector API and
 * scalar twin, and the double reference within its bound); exits 1 on any failure.
 */
public final class SmallBlocksProbe {
    private static final int BORDER = 3;
    private static final float SENTINEL = -7.25f;

    private SmallBlocksProbe() {}

    public static void main(String[] args) {
        KernelProvider panama = KernelProviders.active(), scalar = KernelProviders.scalar();
        Blocking bl = panama.gemm().sgemmBlocking();
        System.out.println("simdnn " + panama.backend() + " " + bl + " dgemm " + panama.gemm().dgemmBlocking());
        SplittableRandom rnd = new SplittableRandom(41);
        List<String> failures = new ArrayList<>();
        int total = 0;
        // rows ≫ columns, so the split is along M (the shared path); N and K cross several NC and KC blocks
        for (int[] s : new int[][] {{203, 150, 130}, {331, 97, 61}, {500, 64, 200}}) {
            for (int form = 0; form < 4; form++) {
                boolean ta = (form & 1) != 0, tb = (form & 2) != 0;
                total++;
                check(failures, panama, scalar, rnd, s[0], s[1], s[2], ta, tb);
            }
        }
        for (String f : failures) {
            System.out.println("FAIL " + f);
        }
        System.out.println("shared panels: " + (total - failures.size()) + " of " + total);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static void check(List<String> failures, KernelProvider panama, KernelProvider scalar,
                              SplittableRandom rnd, int m, int n, int k, boolean ta, boolean tb) {
        String what = m + "x" + n + "x" + k + (ta ? " T" : " N") + (tb ? "T" : "N");
        int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
        float[] a = fill(rnd, 2 * BORDER + (ta ? k : m) * lda), b = fill(rnd, 2 * BORDER + (tb ? n : k) * ldb);
        float[] c0 = new float[2 * BORDER + m * ldc];
        Arrays.fill(c0, SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c0[BORDER + i * ldc + j] = (float) rnd.nextDouble(-1, 1);
            }
        }
        float[] bias = fill(rnd, n);
        float alpha = 1.5f, beta = 0.5f;
        Epilogue relu = Epilogue.of(Activation.RELU).withBias(bias, 0);
        float[] one = sgemm(panama, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc, Epilogue.NONE, 1);
        float[] fusedOne = sgemm(panama, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc, relu, 1);
        for (int threads = 2; threads <= 3; threads++) {
            if (!Arrays.equals(one, sgemm(panama, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc,
                    Epilogue.NONE, threads))) {
                failures.add(what + ": " + threads + " threads differ from 1");
            }
            if (!Arrays.equals(fusedOne, sgemm(panama, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc, relu,
                    threads))) {
                failures.add(what + ": bias + ReLU on " + threads + " threads differs from 1");
            }
        }
        if (!Arrays.equals(one, sgemm(scalar, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c0, ldc, Epilogue.NONE,
                3))) {
            failures.add(what + ": scalar twin on 3 threads differs from the Vector API on 1");
        }
        double[] ad = toDouble(a), bd = toDouble(b), cd = toDouble(c0);
        double[] d1 = dgemm(panama, ta, tb, m, n, k, alpha, ad, lda, bd, ldb, beta, cd, ldc, 1);
        if (!Arrays.equals(d1, dgemm(panama, ta, tb, m, n, k, alpha, ad, lda, bd, ldb, beta, cd, ldc, 2))
                || !Arrays.equals(d1, dgemm(scalar, ta, tb, m, n, k, alpha, ad, lda, bd, ldb, beta, cd, ldc, 3))) {
            failures.add(what + ": DGEMM differs between 1, 2 and 3 threads or the twins");
        }
        // Against the double-precision reference: |error| <= 2·(K + 2)·ε·(|α|·|A|·|B| + |β·C|), and the border kept
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0, mag = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[BORDER + (ta ? p * lda + i : i * lda + p)] * (double) b[BORDER + (tb ? j * ldb + p
                            : p * ldb + j)];
                    exact += x;
                    mag += Math.abs(x);
                }
                double cij = c0[BORDER + i * ldc + j];
                exact = alpha * exact + beta * cij;
                double bound = 2.0 * (k + 2) * 0x1p-24 * (Math.abs(alpha) * mag + Math.abs(beta * cij));
                float got = one[BORDER + i * ldc + j];
                if (!(Math.abs(got - exact) <= bound)) {
                    failures.add(what + ": C[" + i + "][" + j + "] = " + got + ", reference " + exact);
                    return;
                }
            }
        }
        for (int i = 0; i < one.length; i++) {
            int r = (i - BORDER) / ldc, col = (i - BORDER) % ldc;
            boolean inside = i >= BORDER && r < m && col < n;
            if (!inside && one[i] != SENTINEL) {
                failures.add(what + ": C[" + i + "] outside the product was written");
                return;
            }
        }
    }

    private static float[] sgemm(KernelProvider p, boolean ta, boolean tb, int m, int n, int k, float alpha,
                                 float[] a, int lda, float[] b, int ldb, float beta, float[] c0, int ldc, Epilogue e,
                                 int threads) {
        float[] c = c0.clone();
        p.gemm().sgemm(ta, tb, m, n, k, alpha, a, BORDER, lda, b, BORDER, ldb, beta, c, BORDER, ldc, e, threads);
        return c;
    }

    private static double[] dgemm(KernelProvider p, boolean ta, boolean tb, int m, int n, int k, double alpha,
                                  double[] a, int lda, double[] b, int ldb, double beta, double[] c0, int ldc,
                                  int threads) {
        double[] c = c0.clone();
        p.gemm().dgemm(ta, tb, m, n, k, alpha, a, BORDER, lda, b, BORDER, ldb, beta, c, BORDER, ldc, threads);
        return c;
    }

    private static float[] fill(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
