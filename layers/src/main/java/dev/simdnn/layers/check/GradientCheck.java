package dev.simdnn.layers.check;

import dev.simdnn.layers.init.SeededRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient checking (textbook §3.2.10, F9), in double precision with central differences
 * {@code (f(θ + h·e_i) − f(θ − h·e_i)) / 2h} (the textbook's forward difference has O(h) error; central is
 * O(h²), trap P8), the relative error reported per block (parameter tensor or input).
 *
 * <ul>
 *   <li><b>Entry mode</b> ({@link #check}): perturbs entries one at a time; blocks larger than
 *       {@link Options#maxEntriesPerBlock} are checked on a seeded random sample of entries ("with millions of
 *       parameters, test a sample", L454).</li>
 *   <li><b>Direction mode</b> ({@link #checkDirections}): compares the directional derivative along random unit
 *       directions inside each block, {@code (f(θ + h·d) − f(θ − h·d)) / 2h} against {@code ∇f·d}: two evaluations per
 *       direction however large the block, a fast screen for big models.</li>
 *   <li><b>Kinks</b>: where f is not differentiable within ±h of the point (ReLU at 0, hard tanh at ±1, maxout
 *       ties, hinge margins), the two one-sided slopes {@code (f(θ+h) − f(θ))/h} and {@code (f(θ) − f(θ−h))/h}
 *       disagree by much more than the O(h·f″) of a smooth function; such entries are counted as kinks and left
 *       out of the error instead of failing the check spuriously.</li>
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
     * @param kinkTolerance      one-sided slopes differing by more than this fraction of their size, plus
     *                           {@code 1e-7·} the block's gradient scale, mark a kink (default 1e-3)
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

        /** h = 1e-5, 200 entries per block, kink tolerance 1e-3, seed 1. */
        public static Options defaults() {
            return new Options(1e-5, 200, 1e-3, 1);
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
        double[] x = theta.clone();
        double h = o.step();
        List<GradientCheckReport.BlockResult> results = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Objective.Block block = blocks.get(b);
            int[] entries = sample(block.length(), o.maxEntriesPerBlock(), SeededRandom.forStream(o.seed(), b));
            double scale = 0;
            for (int e : entries) {
                scale = Math.max(scale, Math.abs(analytic[block.offset() + e]));
            }
            double diff2 = 0, normA = 0, normN = 0, worstDiff = -1, worstA = 0, worstN = 0;
            int worst = -1, kinks = 0, checked = 0;
            for (int e : entries) {
                int i = block.offset() + e;
                x[i] = theta[i] + h;
                double fPlus = f.value(x);
                x[i] = theta[i] - h;
                double fMinus = f.value(x);
                x[i] = theta[i];
                double right = (fPlus - f0) / h, left = (f0 - fMinus) / h;
                if (Math.abs(right - left) > o.kinkTolerance() * (Math.abs(right) + Math.abs(left)) + 1e-7 * scale) {
                    kinks++;
                    continue;
                }
                double numeric = (fPlus - fMinus) / (2 * h), a = analytic[i];
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
            results.add(new GradientCheckReport.BlockResult(block.name(), checked, kinks,
                    relative(Math.sqrt(diff2), Math.sqrt(normA) + Math.sqrt(normN)), worst, worstA, worstN));
        }
        return new GradientCheckReport(results);
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
        double[] x = theta.clone();
        double h = o.step();
        List<GradientCheckReport.BlockResult> results = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Objective.Block block = blocks.get(b);
            SeededRandom random = SeededRandom.forStream(o.seed(), b);
            double[] d = new double[block.length()];
            double diff2 = 0, normA = 0, normN = 0;
            int kinks = 0, checked = 0;
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
                double fPlus = shifted(f, x, theta, block, d, h), fMinus = shifted(f, x, theta, block, d, -h);
                double right = (fPlus - f0) / h, left = (f0 - fMinus) / h;
                if (Math.abs(right - left) > o.kinkTolerance() * (Math.abs(right) + Math.abs(left)) + 1e-12) {
                    kinks++;
                    continue;
                }
                double numeric = (fPlus - fMinus) / (2 * h);
                diff2 += (a - numeric) * (a - numeric);
                normA += a * a;
                normN += numeric * numeric;
                checked++;
            }
            results.add(new GradientCheckReport.BlockResult(block.name(), checked, kinks,
                    relative(Math.sqrt(diff2), Math.sqrt(normA) + Math.sqrt(normN)), -1, Double.NaN, Double.NaN));
        }
        return new GradientCheckReport(results);
    }

    private static double shifted(Objective f, double[] x, double[] theta, Objective.Block block, double[] d,
                                  double t) {
        for (int i = 0; i < d.length; i++) {
            x[block.offset() + i] = theta[block.offset() + i] + t * d[i];
        }
        double v = f.value(x);
        System.arraycopy(theta, block.offset(), x, block.offset(), d.length);
        return v;
    }

    private static double relative(double diff, double norms) {
        if (diff == 0) {
            return 0;
        }
        return norms > 0 ? diff / norms : Double.POSITIVE_INFINITY;
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
