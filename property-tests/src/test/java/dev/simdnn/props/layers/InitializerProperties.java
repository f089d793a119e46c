package dev.simdnn.props.layers;

import dev.simdnn.layers.init.Initializer;
import dev.simdnn.layers.init.SeededRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every initialiser on random shapes (fan-in and fan-out 20–400) and seeds: the sample mean is within 6 standard
 * errors of 0 (σ/√n) and the sample variance within 6 standard errors of the formula (√((μ₄/σ⁴ − 1)/n)·σ², with
 * μ₄/σ⁴ = 3 for normals and 9/5 for uniforms; orthogonal matrices meet their variance by construction). A false
 * alarm has probability about 4·10⁻⁹ per try.
 */
class InitializerProperties {
    @Provide
    Arbitrary<Initializer> initializers() {
        return Arbitraries.of(Initializer.normal(), Initializer.normal(0.3), Initializer.fanInNormal(),
                Initializer.fanInUniform(), Initializer.xavierNormal(), Initializer.xavierUniform(),
                Initializer.heNormal(), Initializer.heNormal(true), Initializer.heUniform(), Initializer.heUniform(true),
                Initializer.lecunNormal(), Initializer.lecunUniform(), Initializer.orthogonal(),
                Initializer.orthogonal(1.7));
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void sampleMeanAndVarianceMatchTheFormula(@ForAll("initializers") Initializer init,
                                              @ForAll @IntRange(min = 20, max = 400) int fanIn,
                                              @ForAll @IntRange(min = 20, max = 400) int fanOut, @ForAll long seed) {
        Statistics.label("initialiser").collect(init.kind());
        int n = fanIn * fanOut;
        float[] w = new float[n];
        init.fill(w, 0, fanIn, fanOut, new SeededRandom(seed));
        double mean = 0, sq = 0;
        for (float v : w) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= n;
        double var = sq / n - mean * mean;
        double expected = init.variance(fanIn, fanOut);
        double kurtosis = init.uniform() ? 9.0 / 5 : 3.0;
        double meanTolerance = 6 * Math.sqrt(expected / n);
        double varTolerance = 6 * expected * Math.sqrt((kurtosis - 1) / n);
        assertTrue(Math.abs(mean) <= meanTolerance, init.spec() + " mean " + mean + " > " + meanTolerance);
        assertTrue(Math.abs(var - expected) <= varTolerance + 1e-12,
                init.spec() + " variance " + var + " vs " + expected + " ± " + varTolerance);
    }
}
