package dev.simdnn.layers.check;

import dev.simdnn.layers.init.SeededRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient checking (textbook §3.2.10, F9), in double precision with central differences, the relative error
 * reported per block (parameter tensor or input). The difference is the five-point central stencil
 * {@code (8(f(θ+h) − f(θ−h)) − (f(θ+2h) − f(θ−2h))) / 12h}, error O(h⁴); the textbook's forward difference has
 * O(h) error (trap P8) and the two-point central one O(h²), too much near batch norm's sharp curvature on tiny
 * batches (a two-row batch whose values nearly coincide).
 *
 * <ul>
 *   <li><b>Entry mode</b> ({@link #check}): perturbs entries one at a time; blocks larger than
 *       {@link Options#maxEntriesPerBlock} are checked on a seeded random sample of entries ("with millions of
 *       parameters, test a sample", L454).</li>
 *   <li><b>Direction mode</b> ({@link #checkDirections}): compares the directional derivative along random unit
 *       directions d inside each block (the same stencil along d) against {@code ∇f·d}: four evaluations per
 *       direction however large the block, a fast screen for big models.</li>
 *   <li><b>Kinks</b>: where f is not differentiable between θ − h and θ + h (ReLU at 0, hard tanh at ±1, maxout
 *       ties, hinge margins) a central difference says nothing about the derivative. Objectives that
 *       {@linkplain Objective#tracksKinks() track kinks} (a model's reference path does) report which piece of
 *       every piecewise function each evaluation used; an entry whose θ − h, θ and θ + h do not all use the same
 *       pieces is counted as a kink and left out. For other objectives the two one-sided slopes
 *       {@code (f(θ+h) − f(θ))/h} and {@code (f(θ) − f(θ−h))/h} must not differ by more than
 *       {@link Options#kinkTolerance} of their size.</li>
 *   <li><b>Relative error</b> per block: ‖a − n‖ / max(‖a‖ + ‖n‖, 1e-6·‖∇f‖), the normwise form of the textbook's
 *       ρ = |G_e − G_a| / |G_e + G_a| (3.34). The floor (a millionth of the whole gradient's norm) keeps a block
 *       whose exact gradient is 0 (an invariance, e.g. a bias before batch norm) from dividing rounding noise by
 *       rounding noise. A block also passes when ‖a − n‖ is within 4× the rounding noise of double central
 *       differences, √k·16ε·(|f| + 1)/h: below that, finite differences cannot resolve the gradient any better.</li>
 * </ul>
 * The thresholds the textbook gives are 1e-6 (smooth) and 1e-3 (with ReLU-like kinks); the tests of this
 * project use 1e-7 and 1e-4 with kinks skipped.
 */
public final class GradientCheck {
    private GradientCheck() {}

    /**
     * @param step               h (default 1e-5: balances the O(h²) truncation error against the O(ε·|f|/h)
     *                           rounding error of double)
     * @param maxEntriesPerBlock entries sampled per block in entry mode (default 200)
     * @param kinkTolerance      for objectives that do not track kinks: one-sided slopes differing by more than
     *                           this fraction of their size mark a kink (default 0.1)
     * @param seed               seed of the entry sample and of the directions
     */
    public record Options(double step, int maxEntriesPerBlock, double kinkTolerance, long seed) {
        public Options {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("Invalid step: " + step + " (must be finite and > 0)");
            }
            if (maxEntriesPerBlock < 1) {
                throw new IllegalArgumentException("maxEntriesPerBlock must be >= 1, got " + maxEntriesPerBlock);
            }
            if (!(kinkTolerance > 0)) {
                throw new IllegalArgumentException("Invalid kinkTolerance: " + kinkTolerance + " (must be > 0)");
            }
        }

        /** h = 1e-5, 200 entries per block, kink tolerance 0.1, seed 1. */
        public static Options defaults() {
            return new Options(1e-5, 200, 0.1, 1);
        }

        /** These options with another entry budget. */
        public Options withMaxEntries(int maxEntries) {
            return new Options(step, maxEntries, kinkTolerance, seed);
        }

        /** These options with another seed. */
        public Options withSeed(long seed) {
            return new Options(step, maxEntriesPerBlock, kinkTolerance, seed);
        }
    }

    /** Entry-mode check of {@code f} at {@code theta} (not modified) on the given blocks. */
    public static GradientCheckReport check(Objective f, double[] theta, List<Objective.Block> blocks, Options o) {
        checkPoint(f, theta);
        double[] analytic = new double[f.dimension()];
        double f0 = f.valueAndGradient(theta, analytic);
        double floor = SIGNIFICANCE * norm(analytic);
        KinkSignature kinks = new KinkSignature();
        f.value(theta, kinks);
        long here = kinks.value();
        double[] x = theta.clone();
        double h = o.step();
        List<GradientCheckReport.BlockResult> results = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Objective.Block block = blocks.get(b);
            int[] entries = sample(block.length(), o.maxEntriesPerBlock(), SeededRandom.forStream(o.seed(), b));
            double diff2 = 0, normA = 0, normN = 0, worstDiff = -1, worstA = 0, worstN = 0;
            int worst = -1, kinked = 0, checked = 0;
            for (int e : entries) {
                int i = block.offset() + e;
                double fPlus = probe(f, x, i, theta[i] + h, kinks), fMinus;
                long plus = kinks.value();
                fMinus = probe(f, x, i, theta[i] - h, kinks);
                long minus = kinks.value();
                double fPlus2 = probe(f, x, i, theta[i] + 2 * h, kinks);
                long plus2 = kinks.value();
                double fMinus2 = probe(f, x, i, theta[i] - 2 * h, kinks);
                long minus2 = kinks.value();
                x[i] = theta[i];
                if (straddlesKink(f, o, f0, fPlus, fMinus, h, here, plus, minus)
                        || f.tracksKinks() && (plus2 != here || minus2 != here)) {
                    kinked++;
                    continue;
                }
                double numeric = stencil(fPlus, fMinus, fPlus2, fMinus2, h), a = analytic[i];
                double d = Math.abs(a - numeric);
                diff2 += d * d;
                normA += a * a;
                normN += numeric * numeric;
                checked++;
                if (d > worstDiff) {
                    worstDiff = d;
                    worst = e;
                    worstA = a;
                    worstN = numeric;
                }
            }
            results.add(new GradientCheckReport.BlockResult(block.name(), checked, kinked,
                    relative(Math.sqrt(diff2), Math.sqrt(normA) + Math.sqrt(normN), floor), worst, worstA, worstN,
                    Math.sqrt(diff2), noise(checked, f0, h)));
        }
        return new GradientCheckReport(results);
    }

    /** f with entry i of x set to v; the kink signature of that evaluation is left in {@code kinks}. */
    private static double probe(Objective f, double[] x, int i, double v, KinkSignature kinks) {
        x[i] = v;
        kinks.reset();
        return f.value(x, kinks);
    }

    /** The five-point central difference (8(f₁ − f₋₁) − (f₂ − f₋₂)) / 12h: error O(h⁴·f⁽⁵⁾) instead of O(h²·f‴). */
    private static double stencil(double fPlus, double fMinus, double fPlus2, double fMinus2, double h) {
        return (8 * (fPlus - fMinus) - (fPlus2 - fMinus2)) / (12 * h);
    }

    /** A millionth of the whole gradient's norm: below it, differences are rounding noise (see the class doc). */
    private static final double SIGNIFICANCE = 1e-6;

    private static boolean straddlesKink(Objective f, Options o, double f0, double fPlus, double fMinus, double h,
                                         long here, long plus, long minus) {
        if (f.tracksKinks()) {
            return plus != here || minus != here;
        }
        double right = (fPlus - f0) / h, left = (f0 - fMinus) / h;
        return Math.abs(right - left) > o.kinkTolerance() * (Math.abs(right) + Math.abs(left));
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Direction-mode check: {@code directions} random unit directions per block (Gaussian, normalised), each
     * compared as a directional derivative; a direction whose one-sided slopes disagree counts as a kink.
     */
    public static GradientCheckReport checkDirections(Objective f, double[] theta, List<Objective.Block> blocks,
                                                      int directions, Options o) {
        checkPoint(f, theta);
        if (directions < 1) {
            throw new IllegalArgumentException("directions must be >= 1, got " + directions);
        }
        double[] analytic = new double[f.dimension()];
        double f0 = f.valueAndGradient(theta, analytic);
        double floor = SIGNIFICANCE * norm(analytic);
        KinkSignature kinks = new KinkSignature();
        f.value(theta, kinks);
        long here = kinks.value();
        double[] x = theta.clone();
        double h = o.step();
        List<GradientCheckReport.BlockResult> results = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Objective.Block block = blocks.get(b);
            SeededRandom random = SeededRandom.forStream(o.seed(), b);
            double[] d = new double[block.length()];
            double diff2 = 0, normA = 0, normN = 0;
            int kinked = 0, checked = 0;
            for (int k = 0; k < directions && block.length() > 0; k++) {
                double norm = 0;
                for (int i = 0; i < d.length; i++) {
                    d[i] = random.nextGaussian();
                    norm += d[i] * d[i];
                }
                norm = Math.sqrt(norm);
                double a = 0;
                for (int i = 0; i < d.length; i++) {
                    d[i] /= norm;
                    a += analytic[block.offset() + i] * d[i];
                }
                double fPlus = shifted(f, x, theta, block, d, h, kinks);
                long plus = kinks.value();
                double fMinus = shifted(f, x, theta, block, d, -h, kinks);
                long minus = kinks.value();
                double fPlus2 = shifted(f, x, theta, block, d, 2 * h, kinks);
                long plus2 = kinks.value();
                double fMinus2 = shifted(f, x, theta, block, d, -2 * h, kinks);
                if (straddlesKink(f, o, f0, fPlus, fMinus, h, here, plus, minus)
                        || f.tracksKinks() && (plus2 != here || kinks.value() != here)) {
                    kinked++;
                    continue;
                }
                double numeric = stencil(fPlus, fMinus, fPlus2, fMinus2, h);
                diff2 += (a - numeric) * (a - numeric);
                normA += a * a;
                normN += numeric * numeric;
                checked++;
            }
            results.add(new GradientCheckReport.BlockResult(block.name(), checked, kinked,
                    relative(Math.sqrt(diff2), Math.sqrt(normA) + Math.sqrt(normN), floor), -1, Double.NaN,
                    Double.NaN, Math.sqrt(diff2), noise(checked, f0, h)));
        }
        return new GradientCheckReport(results);
    }

    private static double shifted(Objective f, double[] x, double[] theta, Objective.Block block, double[] d,
                                  double t, KinkSignature kinks) {
        for (int i = 0; i < d.length; i++) {
            x[block.offset() + i] = theta[block.offset() + i] + t * d[i];
        }
        kinks.reset();
        double v = f.value(x, kinks);
        System.arraycopy(theta, block.offset(), x, block.offset(), d.length);
        return v;
    }

    /**
     * Rounding noise of k stencils of f ≈ f0 with step h: √k·16ε·(|f0| + 1)/h, f's own rounding taken as 16 ulps
     * (a loss sums many terms) and the stencil's weights summing to 18/12.
     */
    private static double noise(int k, double f0, double h) {
        return Math.sqrt(k) * 16 * Math.ulp(1.0) * (Math.abs(f0) + 1) / h;
    }

    private static double relative(double diff, double norms, double floor) {
        if (diff == 0) {
            return 0;
        }
        double denominator = Math.max(norms, floor);
        return denominator > 0 ? diff / denominator : Double.POSITIVE_INFINITY;
    }

    /** All indices of [0, n) when n ≤ max, else {@code max} distinct ones drawn without replacement, sorted. */
    private static int[] sample(int n, int max, SeededRandom random) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < max; i++) {                 // partial Fisher–Yates
            int j = i + random.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(pool, max);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static void checkPoint(Objective f, double[] theta) {
        if (theta == null || theta.length != f.dimension()) {
            throw new IllegalArgumentException("theta has " + (theta == null ? "null" : theta.length)
                    + " values, the objective " + f.dimension());
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("theta[" + i + "] is " + theta[i]);
            }
        }
    }
}
