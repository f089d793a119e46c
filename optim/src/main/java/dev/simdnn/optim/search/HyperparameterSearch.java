package dev.simdnn.optim.search;

import dev.simdnn.layers.init.SeededRandom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameter search (textbook §3.3.1, F25): grid search, random search (which "is more efficient" when few
 * parameters matter), log-uniform sampling of scale parameters, coarse-to-fine refinement around the best trial,
 * and early abandonment of runs that diverge. The objective trains a model with a trial's values and returns a
 * score to minimise (e.g. validation loss); it receives a {@link Monitor} to report its progress, which tells it
 * to abandon a run whose loss is NaN or has grown past {@code abandonFactor} times its first value.
 */
public final class HyperparameterSearch {
    /** Default growth of the loss over its first value that abandons a run. */
    public static final double DEFAULT_ABANDON_FACTOR = 4;

    /** What the objective sees of the search while it runs. */
    public interface Monitor {
        /** Reports an intermediate loss; returns false when the run should be abandoned. */
        boolean report(double loss);
    }

    /** An objective: values in, score out (lower is better); NaN marks a failed run. */
    @FunctionalInterface
    public interface Objective {
        double evaluate(Map<String, Double> values, Monitor monitor);
    }

    /**
     * One evaluated point.
     *
     * @param values    the hyper-parameters
     * @param score     the objective's value (NaN or +∞ for an abandoned or failed run)
     * @param abandoned true when the monitor stopped it
     */
    public record Trial(Map<String, Double> values, double score, boolean abandoned) {}

    private final double abandonFactor;

    public HyperparameterSearch() {
        this(DEFAULT_ABANDON_FACTOR);
    }

    public HyperparameterSearch(double abandonFactor) {
        if (!(abandonFactor > 1)) {
            throw new IllegalArgumentException("Invalid abandonFactor: " + abandonFactor + " (must be > 1)");
        }
        this.abandonFactor = abandonFactor;
    }

    /** Every combination of {@code points} evenly spaced values per parameter (in log space for log ones). */
    public List<Trial> grid(List<Parameter> space, int points, Objective f) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
        List<Trial> trials = new ArrayList<>();
        int[] index = new int[space.size()];
        while (true) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int p = 0; p < space.size(); p++) {
                values.put(space.get(p).name(), space.get(p).at(points == 1 ? 0.5 : (double) index[p] / (points - 1)));
            }
            trials.add(run(values, f));
            int p = 0;
            while (p < index.length && ++index[p] == points) {
                index[p++] = 0;
            }
            if (p == index.length) {
                return trials;
            }
        }
    }

    /** {@code n} random points, each parameter drawn independently (log-uniform where so declared). */
    public List<Trial> random(List<Parameter> space, int n, long seed, Objective f) {
        SeededRandom random = new SeededRandom(seed);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Parameter p : space) {
                values.put(p.name(), p.sample(random));
            }
            trials.add(run(values, f));
        }
        return trials;
    }

    /**
     * Coarse to fine: {@code rounds} rounds of {@code perRound} random trials, each round's ranges narrowed to
     * {@code shrink} of the previous width around the best trial so far. Returns every trial.
     */
    public List<Trial> coarseToFine(List<Parameter> space, int rounds, int perRound, double shrink, long seed,
                                    Objective f) {
        if (!(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("shrink must be in (0, 1), got " + shrink);
        }
        List<Trial> all = new ArrayList<>();
        List<Parameter> ranges = space;
        for (int round = 0; round < rounds; round++) {
            all.addAll(random(ranges, perRound, seed + round, f));
            Trial best = best(all);
            if (best == null) {
                break;
            }
            List<Parameter> narrowed = new ArrayList<>();
            for (Parameter p : ranges) {
                narrowed.add(p.around(best.values().get(p.name()), shrink));
            }
            ranges = narrowed;
        }
        return all;
    }

    /** The trial with the lowest finite score, or null. */
    public static Trial best(List<Trial> trials) {
        return trials.stream().filter(t -> Double.isFinite(t.score()))
                .min(Comparator.comparingDouble(Trial::score)).orElse(null);
    }

    private Trial run(Map<String, Double> values, Objective f) {
        double[] first = {Double.NaN};
        boolean[] abandoned = {false};
        Monitor monitor = loss -> {
            if (Double.isNaN(first[0]) && Double.isFinite(loss)) {
                first[0] = loss;
            }
            if (!Double.isFinite(loss) || loss > abandonFactor * first[0]) {
                abandoned[0] = true;
            }
            return !abandoned[0];
        };
        double score = f.evaluate(Map.copyOf(values), monitor);
        return new Trial(Map.copyOf(values), abandoned[0] ? Double.POSITIVE_INFINITY : score, abandoned[0]);
    }
}
