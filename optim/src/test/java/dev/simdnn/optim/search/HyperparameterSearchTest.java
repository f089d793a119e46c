package dev.simdnn.optim.search;

import dev.simdnn.layers.init.SeededRandom;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperparameterSearchTest {
    /** A stand-in for training: the score is (log10 lr + 2.5)² + (m − 0.8)², minimised at lr ≈ 3.2e-3, m = 0.8. */
    static final HyperparameterSearch.Objective BOWL = (v, monitor) -> {
        double a = Math.log10(v.get("lr")) + 2.5, b = v.get("momentum") - 0.8;
        return a * a + b * b;
    };

    static final List<Parameter> SPACE = List.of(Parameter.logUniform("lr", 1e-5, 1), Parameter.uniform("momentum",
            0, 0.99));

    @Test
    void gridVisitsEveryCombinationEvenlyInLogSpace() {
        List<HyperparameterSearch.Trial> trials = new HyperparameterSearch().grid(SPACE, 6, BOWL);
        assertEquals(36, trials.size());
        assertEquals(1e-5, trials.get(0).values().get("lr"), 1e-17);
        assertEquals(1e-4, trials.get(1).values().get("lr"), 1e-16);
        assertEquals(1, trials.get(5).values().get("lr"), 1e-12);
    }

    /** Log-uniform sampling puts the same share of samples into each decade. */
    @Test
    void logUniformSamplingIsUniformPerDecade() {
        Parameter lr = Parameter.logUniform("lr", 1e-5, 1);
        SeededRandom r = new SeededRandom(1);
        int[] decades = new int[5];
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            double v = lr.sample(r);
            assertTrue(v >= 1e-5 && v <= 1);
            decades[Math.min(4, (int) Math.floor(Math.log10(v) + 5))]++;
        }
        for (int d : decades) {
            assertEquals(n / 5.0, d, 6 * Math.sqrt(n * 0.2 * 0.8), "per decade");
        }
    }

    @Test
    void coarseToFineRefinesRandomSearch() {
        HyperparameterSearch search = new HyperparameterSearch();
        double coarse = HyperparameterSearch.best(search.random(SPACE, 20, 4, BOWL)).score();
        HyperparameterSearch.Trial best = HyperparameterSearch.best(search.coarseToFine(SPACE, 4, 20, 0.3, 4, BOWL));
        assertTrue(best.score() <= coarse, best.score() + " vs " + coarse);
        assertTrue(best.score() < 0.01, "near the optimum: " + best);
    }

    @Test
    void divergingRunsAreAbandoned() {
        HyperparameterSearch.Objective training = (v, monitor) -> {
            double loss = 2.3;
            for (int epoch = 0; epoch < 20; epoch++) {
                loss = v.get("lr") > 0.5 ? loss * 3 : loss * 0.8;   // too large a rate blows up
                if (!monitor.report(loss)) {
                    return loss;
                }
            }
            return loss;
        };
        List<HyperparameterSearch.Trial> trials = new HyperparameterSearch().grid(
                List.of(Parameter.uniform("lr", 0.1, 0.9)), 3, training);
        assertEquals(List.of(false, false, true), trials.stream().map(HyperparameterSearch.Trial::abandoned).toList());
        assertEquals(Double.POSITIVE_INFINITY, trials.get(2).score());
        assertEquals(Map.of("lr", 0.1), HyperparameterSearch.best(trials).values());
    }
}
