package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.gemm.GemmKernels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GEMM on each provider against a naive double reference. Bound per element (c = 2):
 * {@code |C - ref| <= 2·(k + 2)·u·(|α|·Σ_p |a_ip·b_pj| + |β·c_ij|) + tiny}.
 * The property-tests module covers random shapes, offsets and leading dimensions far more widely.
 */
class GemmTest {
    private static final int BORDER = 3;           // padding around every operand, must stay untouched
    private static final float SENTINEL = -7.25f;

    /** SGEMM's depth block (shared by both twins): a second pass over C starts at KC + 1. */
    private static final int KC = KernelProviders.scalar().gemm().sgemmBlocking().kc();
    /** DGEMM's. */
    private static final int DKC = KernelProviders.scalar().gemm().dgemmBlocking().kc();

    /**
     * Shapes around the register and cache blocks: MR ± 1, NR ± 1, KC ± 1 (SGEMM's; DGEMM's in its own test),
     * MC + 1, tiny and empty; on AVX2 (MR = 5) rows such as 8, 9, 17, 32 and 33 end in 4-row short tiles.
     */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {0, 5, 3}, {5, 0, 3}, {4, 4, 0}, {7, 9, 1}, {8, 32, 16}, {9, 33, 17}, {17, 31, 255},
        {33, 65, 257}, {64, 64, 64}, {257, 70, 40}, {31, 100, 513}, {3, 300, 7}, {120, 5, 260},
        {13, 40, KC - 1}, {31, 100, KC + 1}, {32, 48, 37},
    };

    record Problem(int m, int n, int k, boolean ta, boolean tb, int lda, int ldb, int ldc,
                   float[] a, float[] b, float[] c) {}

    static Problem problem(SplittableRandom rnd, int m, int n, int k, boolean ta, boolean tb) {
        int lda = (ta ? m : k) + rnd.nextInt(3), ldb = (tb ? k : n) + rnd.nextInt(3), ldc = n + rnd.nextInt(3);
        float[] a = fill(rnd, BORDER + (ta ? k : m) * lda + BORDER);
        float[] b = fill(rnd, BORDER + (tb ? n : k) * ldb + BORDER);
        float[] c = new float[BORDER + m * ldc + BORDER];
        Arrays.fill(c, SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[BORDER + i * ldc + j] = (float) rnd.nextDouble(-1, 1);
            }
        }
        return new Problem(m, n, k, ta, tb, lda, ldb, ldc, a, b, c);
    }

    static float[] fill(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    static float[] run(GemmKernels g, Problem p, float alpha, float beta, int threads, Epilogue e) {
        float[] c = p.c.clone();
        g.sgemm(p.ta, p.tb, p.m, p.n, p.k, alpha, p.a, BORDER, p.lda, p.b, BORDER, p.ldb, beta, c, BORDER, p.ldc,
                e, threads);
        return c;
    }

    static void assertCloseToReference(Problem p, float alpha, float beta, float[] got, String what) {
        double u = 0x1p-24;
        for (int i = 0; i < p.m; i++) {
            for (int j = 0; j < p.n; j++) {
                double sum = 0, mag = 0;
                for (int q = 0; q < p.k; q++) {
                    double x = p.ta ? p.a[BORDER + q * p.lda + i] : p.a[BORDER + i * p.lda + q];
                    double y = p.tb ? p.b[BORDER + j * p.ldb + q] : p.b[BORDER + q * p.ldb + j];
                    sum += x * y;
                    mag += Math.abs(x * y);
                }
                double c0 = p.c[BORDER + i * p.ldc + j];
                double ref = alpha * sum + (beta == 0 ? 0 : beta * c0);
                double bound = 2 * (p.k + 2) * u * (Math.abs(alpha) * mag + Math.abs(beta * c0)) + 1e-30;
                double err = Math.abs(got[BORDER + i * p.ldc + j] - ref);
                if (!(err <= bound)) {
                    fail(what + ": C[" + i + "][" + j + "] = " + got[BORDER + i * p.ldc + j] + ", reference " + ref
                            + ", error " + err + " > bound " + bound);
                }
            }
        }
        for (int idx = 0; idx < got.length; idx++) {
            int r = (idx - BORDER) / Math.max(p.ldc, 1), col = (idx - BORDER) - r * p.ldc;
            boolean inside = idx >= BORDER && r < p.m && col < p.n && p.n > 0;
            if (!inside) {
                assertEquals(SENTINEL, got[idx], what + ": element " + idx + " outside C was written");
            }
        }
    }

    @Test
    void everyShapeAndTransposeMatchesTheReferenceOnBothBackends() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[][] alphaBeta = {{1, 0}, {1, 1}, {-1, 0.5f}, {0.75f, -2}, {0, 3}};
        for (KernelProvider provider : TwinProviders.all()) {
            for (int[] s : SHAPES) {
                for (int t = 0; t < 4; t++) {
                    Problem p = problem(rnd, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0);
                    for (float[] ab : alphaBeta) {
                        String what = provider.backend() + " " + Arrays.toString(s) + " ta=" + p.ta + " tb=" + p.tb
                                + " alpha=" + ab[0] + " beta=" + ab[1];
                        assertCloseToReference(p, ab[0], ab[1], run(provider.gemm(), p, ab[0], ab[1], 2,
                                Epilogue.NONE), what);
                    }
                }
            }
        }
    }

    @Test
    void resultIsBitwiseTheSameForAnyThreadCountAndBothBackends() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int[] s : new int[][] {{200, 300, 300}, {40, 784, 512}, {784, 96, 32}, {130, 130, 600}, {300, 10, 600},
                {37, 13, 530}, {61, 16, 9}, {23, 9, 1030}, {1, 12, 700}, {1, 37, 20}}) {
            for (int t = 0; t < 4; t++) {
                Problem p = problem(rnd, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0);
                float[] reference = run(KernelProviders.scalar().gemm(), p, 1.5f, 0.5f, 1, Epilogue.NONE);
                for (KernelProvider provider : TwinProviders.all()) {
                    for (int threads : new int[] {1, 2, 3}) {
                        assertArrayEquals(reference, run(provider.gemm(), p, 1.5f, 0.5f, threads, Epilogue.NONE),
                                provider.backend() + " threads=" + threads + " " + Arrays.toString(s) + " t=" + t);
                    }
                }
            }
        }
    }

    /**
     * With an activation fused: the epilogue's regions depend on the thread split, so the activation must give each
     * element the same bits wherever it falls in a region (found by the layers' concurrent inference test, where a
     * busy pool made one caller run a product alone). Bitwise for every activation and both backends: the
     * transcendental ones are plain arithmetic ({@code FloatMath}), the same in the vector loop and the scalar tail.
     */
    @Test
    void fusedActivationsAreThreadIndependent() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int[] s : new int[][] {{200, 300, 300}, {130, 70, 600}, {300, 10, 600}, {1, 100, 50}}) {
            Problem p = problem(rnd, s[0], s[1], s[2], false, false);
            float[] bias = fill(rnd, s[1]);
            for (Activation f : Activation.values()) {
                Epilogue e = Epilogue.of(f).withBias(bias, 0);
                for (KernelProvider provider : TwinProviders.all()) {
                    float[] one = run(provider.gemm(), p, 1f, 0f, 1, e);
                    for (int threads : new int[] {2, 3}) {
                        float[] other = run(provider.gemm(), p, 1f, 0f, threads, e);
                        assertArrayEquals(one, other,
                                provider.backend() + " " + f + " threads=" + threads + " " + Arrays.toString(s));
                    }
                }
            }
        }
    }

    /**
     * With at most 32 rows and B not transposed the packed path reads B's full-width panels in place (GemmDriver):
     * the rows it computes have exactly the bits of the same rows computed with B packed (a 40-row product) and of
     * the one-row path, on both backends and for 1, 2 and 3 threads; a partial last panel (100 = 3·32 + 4 columns)
     * and two KC blocks (KC + 88) included.
     */
    @Test
    void bReadInPlaceGivesThePackedPathsBits() {
        SplittableRandom rnd = new SplittableRandom(31);
        int rows = 24, m = 40, n = 100, k = KC + 88;
        Problem p = problem(rnd, m, n, k, false, false);
        float[] fewC = p.c().clone();
        Arrays.fill(fewC, BORDER + rows * p.ldc(), fewC.length, SENTINEL);    // outside the 24-row C: untouched
        Problem few = new Problem(rows, n, k, false, false, p.lda(), p.ldb(), p.ldc(), p.a(), p.b(), fewC);
        for (KernelProvider provider : TwinProviders.all()) {
            float[] packed = run(provider.gemm(), p, 0.75f, 0.5f, 1, Epilogue.NONE);
            for (int threads = 1; threads <= 3; threads++) {
                float[] inPlace = run(provider.gemm(), few, 0.75f, 0.5f, threads, Epilogue.NONE);
                int end = BORDER + rows * p.ldc();
                assertArrayEquals(Arrays.copyOfRange(packed, BORDER, end), Arrays.copyOfRange(inPlace, BORDER, end),
                        provider.backend() + " threads=" + threads);
                assertCloseToReference(few, 0.75f, 0.5f, inPlace, provider.backend() + " in place");
            }
            float[] oneRow = p.c().clone();
            provider.gemm().sgemm(false, false, 1, n, k, 0.75f, p.a(), BORDER + 5 * p.lda(), p.lda(), p.b(), BORDER,
                    p.ldb(), 0.5f, oneRow, BORDER + 5 * p.ldc(), p.ldc(), Epilogue.NONE, 1);
            int row5 = BORDER + 5 * p.ldc();
            assertArrayEquals(Arrays.copyOfRange(packed, row5, row5 + n), Arrays.copyOfRange(oneRow, row5, row5 + n),
                    provider.backend() + " row 5 alone");
        }
    }

    /**
     * Operands that end exactly where the matrix ends (no border, ld = the width): the Vector API packing of a
     * transposed A moves whole vectors and must mask the loads that would run past the array, and the rows of B are
     * moved as vectors up to the last element. Bitwise against the scalar twin, whose packing is element by element.
     */
    @Test
    void packingReadsUpToTheArraysLastElementOnly() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int[] s : new int[][] {{37, 40, 30}, {203, 48, 30}, {64, 33, 520}}) {     // above SmallGemm's size
            int m = s[0], n = s[1], k = s[2];
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = fill(rnd, k * m), b = fill(rnd, k * n);
                float[] reference = new float[m * n];
                KernelProviders.scalar().gemm().sgemm(true, tb, m, n, k, 1f, a, 0, m, b, 0, tb ? k : n, 0f, reference,
                        0, n, Epilogue.NONE, 1);
                for (KernelProvider provider : TwinProviders.all()) {
                    for (int threads = 1; threads <= 2; threads++) {
                        float[] c = new float[m * n];
                        provider.gemm().sgemm(true, tb, m, n, k, 1f, a, 0, m, b, 0, tb ? k : n, 0f, c, 0, n,
                                Epilogue.NONE, threads);
                        assertArrayEquals(reference, c, provider.backend() + " " + Arrays.toString(s) + " tb=" + tb
                                + " threads=" + threads);
                    }
                }
            }
        }
    }

    @Test
    void betaZeroIgnoresNanInCAndAlphaZeroDoesNotReadAB() {
        for (KernelProvider provider : TwinProviders.all()) {
            for (int[] s : new int[][] {{3, 4, 5}, {70, 90, 300}}) {
                Problem p = problem(new SplittableRandom(3), s[0], s[1], s[2], false, false);
                for (int i = 0; i < p.m; i++) {
                    for (int j = 0; j < p.n; j++) {
                        p.c[BORDER + i * p.ldc + j] = Float.NaN;
                    }
                }
                float[] got = run(provider.gemm(), p, 1f, 0f, 2, Epilogue.NONE);
                Problem clean = new Problem(p.m, p.n, p.k, false, false, p.lda, p.ldb, p.ldc, p.a, p.b,
                        got.clone());
                assertCloseToReference(clean, 1f, 0f, got, provider.backend() + " beta=0 over NaN");
                float[] nanA = p.a.clone();
                Arrays.fill(nanA, Float.NaN);
                float[] c = got.clone();
                provider.gemm().sgemm(false, false, p.m, p.n, p.k, 0f, nanA, BORDER, p.lda, p.b, BORDER, p.ldb,
                        2f, c, BORDER, p.ldc, Epilogue.NONE, 1);
                assertEquals(2 * got[BORDER], c[BORDER], provider.backend() + " alpha=0 scales C only");
            }
        }
    }

    @Test
    void nanInAPropagatesToItsRow() {
        for (KernelProvider provider : TwinProviders.all()) {
            Problem p = problem(new SplittableRandom(4), 40, 50, 60, false, false);
            p.a[BORDER + 5 * p.lda + 7] = Float.NaN;
            float[] got = run(provider.gemm(), p, 1f, 0f, 1, Epilogue.NONE);
            for (int j = 0; j < p.n; j++) {
                assertTrue(Float.isNaN(got[BORDER + 5 * p.ldc + j]), provider.backend() + " j=" + j);
                assertTrue(Float.isFinite(got[BORDER + 4 * p.ldc + j]));
            }
        }
    }

    /**
     * Bitwise (assertEquals on floats compares their bits): ReLU with bias and pre-activation, ReLU alone, and the
     * identity with bias and pre-activation, on shapes whose tiles are partial and whole (the Vector API kernel
     * finishes whole-width tiles of ReLU and identity in registers).
     */
    @Test
    void fusedBiasReluAndPreActivationEqualTheUnfusedComposition() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (KernelProvider provider : TwinProviders.all()) {
            for (int[] s : new int[][] {{5, 7, 3}, {33, 70, 100}, {64, 512, 96}}) {
                Problem p = problem(rnd, s[0], s[1], s[2], false, false);
                float[] bias = fill(rnd, p.n + 2);
                for (int form = 0; form < 3; form++) {
                    boolean relu = form < 2, withBias = form != 1;
                    float[] pre = new float[p.m * p.n];
                    Epilogue e = Epilogue.of(relu ? Activation.RELU : Activation.IDENTITY);
                    if (withBias) {
                        e = e.withBias(bias, 2).keepingPreActivation(pre, 0, p.n);
                    }
                    float[] fused = run(provider.gemm(), p, 1f, 0.5f, 2, e);
                    float[] plain = run(provider.gemm(), p, 1f, 0.5f, 2, Epilogue.NONE);
                    String what = provider.backend() + " form " + form + " " + Arrays.toString(s);
                    for (int i = 0; i < p.m; i++) {
                        for (int j = 0; j < p.n; j++) {
                            float z = plain[BORDER + i * p.ldc + j] + (withBias ? bias[2 + j] : 0f);
                            if (withBias) {
                                assertEquals(z, pre[i * p.n + j], "pre " + what);
                            } else {
                                z = plain[BORDER + i * p.ldc + j];
                            }
                            assertEquals(relu ? Math.max(0f, z) : z, fused[BORDER + i * p.ldc + j], what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void dgemmMatchesTheReferenceIsThreadIndependentAndEqualsTheTwin() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (KernelProvider provider : TwinProviders.all()) {
            for (int[] s : new int[][] {{1, 1, 1}, {9, 17, 33}, {130, 70, 300}, {1, 21, 600}, {1, 40, 7},
                    {20, 30, DKC + 1}}) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    int m = s[0], n = s[1], k = s[2];
                    double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
                    for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble(-1, 1);
                    for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble(-1, 1);
                    for (int i = 0; i < c.length; i++) c[i] = rnd.nextDouble(-1, 1);
                    double[] c1 = c.clone(), c2 = c.clone();
                    provider.gemm().dgemm(ta, tb, m, n, k, 0.5, a, 0, ta ? m : k, b, 0, tb ? k : n, 2, c1, 0, n, 1);
                    provider.gemm().dgemm(ta, tb, m, n, k, 0.5, a, 0, ta ? m : k, b, 0, tb ? k : n, 2, c2, 0, n, 3);
                    assertArrayEquals(c1, c2);
                    double[] twin = c.clone();
                    KernelProviders.scalar().gemm().dgemm(ta, tb, m, n, k, 0.5, a, 0, ta ? m : k, b, 0, tb ? k : n, 2,
                            twin, 0, n, 1);
                    assertArrayEquals(twin, c1, provider.backend() + " dgemm: the scalar twin's bits");
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = 0, mag = 0;
                            for (int q = 0; q < k; q++) {
                                double x = ta ? a[q * m + i] : a[i * k + q], y = tb ? b[j * k + q] : b[q * n + j];
                                sum += x * y;
                                mag += Math.abs(x * y);
                            }
                            double ref = 0.5 * sum + 2 * c[i * n + j];
                            double bound = 2 * (k + 2) * 0x1p-53 * (0.5 * mag + Math.abs(2 * c[i * n + j]));
                            assertTrue(Math.abs(c1[i * n + j] - ref) <= bound, provider.backend() + " dgemm");
                        }
                    }
                }
            }
        }
    }

    /**
     * Several callers at once: one gets the worker pool, the others find it busy and run on their own thread,
     * each with its own packing workspace. Every result must still be the single-threaded bits.
     */
    @Test
    void concurrentCallersGetTheSameBitsAsASingleCaller() throws Exception {
        for (KernelProvider provider : TwinProviders.all()) {
            Problem[] problems = new Problem[4];
            float[][] expected = new float[4][];
            for (int t = 0; t < 4; t++) {
                problems[t] = problem(new SplittableRandom(100 + t), 150 + 17 * t, 200 - 9 * t, 300, t % 2 == 1, t >= 2);
                expected[t] = run(provider.gemm(), problems[t], 1f, 0.5f, 1, Epilogue.NONE);
            }
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    outcomes.add(callers.submit(() -> {
                        for (int rep = 0; rep < 15; rep++) {
                            float[] got = run(provider.gemm(), problems[id], 1f, 0.5f, 2, Epilogue.NONE);
                            if (!Arrays.equals(expected[id], got)) {
                                return provider.backend() + " caller " + id + " repetition " + rep + " differs";
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<String> outcome : outcomes) {
                    String failure = outcome.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (failure != null) {
                        fail(failure);
                    }
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void badArgumentsAreNamedAndNothingIsWritten() {
        float[] a = new float[12], b = new float[12], c = new float[12];
        Arrays.fill(c, 1f);
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.N, Trans.N, 3, 4, 4, 1f, a, 0, 4, b, 0, 4, 0f, c, 0, 4));
        assertEquals("b: 4x4 with ldb = 4 at offset 0 needs 16 elements, array has 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.T, Trans.N, 3, 4, 2, 1f, a, 0, 2, b, 0, 4, 0f, c, 0, 4));
        assertEquals("lda must be >= m = 3 for transA=T, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.N, Trans.N, -1, 4, 2, 1f, a, 0, 2, b, 0, 4, 0f, c, 0, 4));
        assertEquals("m must be >= 0, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.N, Trans.N, 3, 4, 2, 1f, a, 0, 2, b, 0, 4, 0f, c, 1, 4));
        assertEquals("c: 3x4 with ldc = 4 at offset 1 needs 13 elements, array has 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.N, Trans.N, 3, 4, 2, 1f, null, 0, 2, b, 0, 4, 0f, c, 0, 4));
        assertEquals("a must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(Trans.N, Trans.N, 3, 4, 2, 1f, a, 0, 2, b, 0, 4, 0f, c, 0, 4,
                        Epilogue.of(Activation.RELU).withBias(new float[3], 0)));
        assertEquals("bias: offset 0 + 4 elements exceeds its length 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.dgemm(Trans.N, Trans.N, 1, 1, 1, 1, new double[1], 0, 1, new double[1], 0, 1, 0,
                        new double[1], 0, 1, 0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        float[] untouched = new float[12];
        Arrays.fill(untouched, 1f);
        assertArrayEquals(untouched, c);
    }
}
