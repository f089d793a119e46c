package dev.simdnn.props.gemm;

import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.props.arb.Dimensions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SGEMM properties over random problems (sizes 1..300 biased to block edges, depth also KC ± 1, all four
 * transpose combinations, α ∈ {0, 1, -1, random}, β ∈ {0, 1, random}, random offsets and leading
 * dimensions larger than needed, NaN sentinels around and between the addressed elements).
 *
 * <p>jqwik's own edge-case mixing is off: {@link Dimensions} already puts half the draws on block edges, and
 * jqwik's combinations of edge values would spend every try on 1 x 1 x 1 problems.
 *
 * <p>Error bound, per element, with c = 2 and u = 2^-24:
 * {@code |C - ref| <= c·(K + 2)·u·(|α|·Σ_p |a_ip·b_pj| + |β·c_ij|)}, ref computed in double. K + 2 covers the
 * K fma roundings of the dot product and the roundings of α and β.
 */
class GemmProperties {
    private static final GemmKernels SCALAR = KernelProviders.scalar().gemm();
    private static final GemmKernels PANAMA = KernelProviders.panama().gemm();
    private static final int KC = PANAMA.sgemmBlocking().kc();
    private static final float SENTINEL = Float.NaN;

    /** A random problem; C's unaddressed elements (padding, beyond ldc) hold NaN and must stay NaN. */
    record Problem(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        float opA(int i, int p) {
            return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float opB(int p, int j) {
            return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        float[] run(GemmKernels g, int threads) {
            float[] out = c.clone();
            g.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, out, cOff, ldc, Epilogue.NONE, threads);
            return out;
        }

        @Override
        public String toString() {
            return m + "x" + n + "x" + k + (ta ? ":T" : ":N") + (tb ? "T" : "N") + " alpha=" + alpha + " beta=" + beta
                    + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc + " offsets " + aOff + "," + bOff + "," + cOff;
        }
    }

    @Provide
    Arbitrary<Problem> problems() {
        Arbitrary<Float> alphas = Arbitraries.oneOf(Arbitraries.of(0f, 1f, -1f), Arbitraries.floats().between(-3, 3));
        Arbitrary<Float> betas = Arbitraries.oneOf(Arbitraries.of(0f, 1f), Arbitraries.floats().between(-3, 3));
        return Combinators.combine(Dimensions.upTo(300), Dimensions.upTo(300), Dimensions.depth(300, KC),
                        Arbitraries.integers().between(0, 3), alphas, betas, Arbitraries.longs())
                .as((m, n, k, t, alpha, beta, seed) -> build(m, n, k, (t & 1) != 0, (t & 2) != 0, alpha, beta, seed));
    }

    static Problem build(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int lda = (ta ? m : k) + rnd.nextInt(4), ldb = (tb ? k : n) + rnd.nextInt(4), ldc = n + rnd.nextInt(4);
        int aOff = rnd.nextInt(5), bOff = rnd.nextInt(5), cOff = rnd.nextInt(5);
        float[] a = random(rnd, aOff + (ta ? k : m) * lda + rnd.nextInt(3));
        float[] b = random(rnd, bOff + (tb ? n : k) * ldb + rnd.nextInt(3));
        float[] c = new float[cOff + m * ldc + rnd.nextInt(3)];
        Arrays.fill(c, SENTINEL);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[cOff + i * ldc + j] = beta == 0 ? Float.NaN : (float) rnd.nextDouble(-1, 1);  // β = 0 must ignore NaN
            }
        }
        return new Problem(m, n, k, ta, tb, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }

    static void assertWithinBound(Problem p, float[] got) {
        for (int i = 0; i < p.m; i++) {
            for (int j = 0; j < p.n; j++) {
                double sum = 0, mag = 0;
                for (int q = 0; q < p.k; q++) {
                    double prod = (double) p.opA(i, q) * p.opB(q, j);
                    sum += prod;
                    mag += Math.abs(prod);
                }
                double c0 = p.beta == 0 ? 0 : p.c[p.cOff + i * p.ldc + j];
                double ref = p.alpha * sum + p.beta * c0;
                double bound = 2.0 * (p.k + 2) * 0x1p-24 * (Math.abs(p.alpha) * mag + Math.abs(p.beta * c0));
                double v = got[p.cOff + i * p.ldc + j];
                if (!(Math.abs(v - ref) <= bound)) {
                    fail(p + ": C[" + i + "][" + j + "] = " + v + ", reference " + ref + ", error "
                            + Math.abs(v - ref) + " > " + bound);
                }
            }
        }
        for (int idx = 0; idx < got.length; idx++) {
            int rel = idx - p.cOff, i = Math.floorDiv(rel, p.ldc), j = rel - i * p.ldc;
            if (rel < 0 || i >= p.m || j >= p.n) {
                assertEquals(Float.floatToRawIntBits(SENTINEL), Float.floatToRawIntBits(got[idx]),
                        p + ": element " + idx + " outside the addressed C was written");
            }
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void vectorResultIsWithinTheErrorBoundAndTouchesOnlyC(@ForAll("problems") Problem p) {
        Statistics.collect(Dimensions.isEdge(p.m) ? "m on an edge" : "m random");
        Statistics.label("depth").collect(p.k >= KC - 1 && p.k <= KC + 1 ? "KC±1" : p.k == 1 ? "1" : "other");
        Statistics.label("form").collect((p.ta ? "T" : "N") + (p.tb ? "T" : "N"));
        assertWithinBound(p, p.run(PANAMA, 2));
        Statistics.label("depth").coverage(c -> c.check("KC±1").count(n -> n > 0));
        Statistics.label("form").coverage(c -> {
            for (String f : new String[] {"NN", "NT", "TN", "TT"}) {
                c.check(f).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void resultIsBitwiseIndependentOfThreadsAndBackend(@ForAll("problems") Problem p) {
        float[] reference = p.run(SCALAR, 1);
        assertArrayEquals(reference, p.run(PANAMA, 1), p + " Vector API vs scalar twin");
        assertArrayEquals(reference, p.run(PANAMA, 2), p + " 2 threads");
        assertArrayEquals(reference, p.run(PANAMA, 3), p + " 3 threads");
        assertArrayEquals(reference, p.run(SCALAR, 3), p + " scalar, 3 threads");
    }

    /** Freivalds: C·t = A·(B·t) for a random t, a check in O(n²) that catches any misplaced tile. */
    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void productTimesVectorEqualsFactorsTimesVector(@ForAll("problems") Problem problem, @ForAll long seed) {
        Problem p = build(problem.m, problem.n, problem.k, problem.ta, problem.tb, 1f, 0f, seed);
        float[] c = p.run(PANAMA, 2);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] t = new double[p.n], bt = new double[p.k], btAbs = new double[p.k];
        Arrays.setAll(t, j -> rnd.nextDouble(-1, 1));
        for (int q = 0; q < p.k; q++) {
            for (int j = 0; j < p.n; j++) {
                bt[q] += p.opB(q, j) * t[j];
                btAbs[q] += Math.abs(p.opB(q, j) * t[j]);
            }
        }
        for (int i = 0; i < p.m; i++) {
            double ct = 0, abt = 0, mag = 0;
            for (int j = 0; j < p.n; j++) {
                ct += c[p.cOff + i * p.ldc + j] * t[j];
            }
            for (int q = 0; q < p.k; q++) {
                abt += p.opA(i, q) * bt[q];
                mag += Math.abs(p.opA(i, q)) * btAbs[q];
            }
            double bound = 2.0 * (p.k + 2) * 0x1p-24 * mag + 1e-30;
            if (!(Math.abs(ct - abt) <= bound)) {
                fail(p + ": row " + i + ": C·t = " + ct + ", A·(B·t) = " + abt);
            }
        }
    }

    /** A·B over K = A·B over the first K1 depths, then β = 1 accumulation of the rest. */
    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void splittingTheDepthAddsUp(@ForAll("problems") Problem problem, @ForAll long seed) {
        Problem p = build(problem.m, problem.n, Math.max(problem.k, 2), false, false, 1f, 0f, seed);
        int k1 = 1 + new SplittableRandom(seed).nextInt(p.k - 1);
        float[] whole = p.run(PANAMA, 2);
        float[] split = p.c.clone();
        PANAMA.sgemm(false, false, p.m, p.n, k1, 1f, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb, 0f, split, p.cOff, p.ldc,
                Epilogue.NONE, 2);
        PANAMA.sgemm(false, false, p.m, p.n, p.k - k1, 1f, p.a, p.aOff + k1, p.lda, p.b, p.bOff + k1 * p.ldb, p.ldb,
                1f, split, p.cOff, p.ldc, Epilogue.NONE, 2);
        for (int i = 0; i < p.m; i++) {
            for (int j = 0; j < p.n; j++) {
                double mag = 0;
                for (int q = 0; q < p.k; q++) {
                    mag += Math.abs((double) p.opA(i, q) * p.opB(q, j));
                }
                int at = p.cOff + i * p.ldc + j;
                double bound = 4.0 * (p.k + 2) * 0x1p-24 * mag + 1e-30;
                if (!(Math.abs(whole[at] - split[at]) <= bound)) {
                    fail(p + " split at " + k1 + ": " + whole[at] + " vs " + split[at]);
                }
            }
        }
    }
}
