package dev.simdnn.layers.init;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializerTest {
    static List<Initializer> all() {
        return List.of(Initializer.normal(), Initializer.normal(0.5), Initializer.fanInNormal(),
                Initializer.fanInUniform(), Initializer.xavierNormal(), Initializer.xavierUniform(),
                Initializer.heNormal(), Initializer.heNormal(true), Initializer.heUniform(), Initializer.heUniform(true),
                Initializer.lecunNormal(), Initializer.lecunUniform(), Initializer.orthogonal(), Initializer.orthogonal(2));
    }

    /**
     * Sample mean and variance of a 300x200 matrix against the formula. Tolerances: 6 standard errors of the
     * sample mean (σ/√n) and of the sample variance (√((μ₄ − σ⁴)/n): μ₄ = 3σ⁴ for a normal, 9σ⁴/5 for a uniform);
     * orthogonal entries have variance exactly g²/max(r, r') by construction (each column has norm g).
     */
    @ParameterizedTest
    @MethodSource("all")
    void sampleMomentsMatchTheFormula(Initializer init) {
        int rows = 300, cols = 200, n = rows * cols;
        float[] w = new float[n + 3];
        init.fill(w, 3, rows, cols, new SeededRandom(42));
        double mean = 0, sq = 0;
        for (int i = 3; i < n + 3; i++) {
            mean += w[i];
            sq += (double) w[i] * w[i];
        }
        mean /= n;
        double var = sq / n - mean * mean;
        double expected = init.variance(rows, cols);
        double mu4 = init.uniform() ? 9.0 / 5 : 3.0;
        assertEquals(0, mean, 6 * Math.sqrt(expected / n), init.spec() + " mean");
        assertEquals(expected, var, 6 * expected * Math.sqrt((mu4 - 1) / n) + 1e-12, init.spec() + " variance");
    }

    @Test
    void orthogonalColumnsAreOrthonormalTimesGain() {
        float[] w = new float[50 * 20];
        Initializer.orthogonal(1.5).fill(w, 0, 50, 20, new SeededRandom(1));
        for (int a = 0; a < 20; a++) {
            for (int b = 0; b < 20; b++) {
                double dot = 0;
                for (int r = 0; r < 50; r++) {
                    dot += (double) w[r * 20 + a] * w[r * 20 + b];
                }
                assertEquals(a == b ? 2.25 : 0, dot, 1e-5, a + "," + b);
            }
        }
    }

    @Test
    void uniformInitialisersStayInsideTheirBound() {
        float[] w = new float[64 * 32];
        Initializer.fanInUniform().fill(w, 0, 64, 32, new SeededRandom(3));
        for (float v : w) {
            assertTrue(Math.abs(v) <= 1 / Math.sqrt(64), "U[-1/sqrt(r), 1/sqrt(r)]: " + v);
        }
    }

    /** SplitMix64's published first output for seed 0, then pinned values: the same weights on every machine. */
    @Test
    void theGeneratorIsTheSpecifiedOne() {
        SeededRandom r = new SeededRandom(0);
        assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
        float[] w = new float[4];
        Initializer.normal(1).fill(w, 0, 2, 2, new SeededRandom(7));
        // Box–Muller in StrictMath: these bits are the same on every JVM (pinned when the generator was written)
        int[] expected = {1065159847, 1037456953, -1074880529, -1081542868};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], Float.floatToRawIntBits(w[i]), "weight " + i + " = " + w[i]);
        }
    }

    @Test
    void specsRoundTripAndBadValuesAreRejected() {
        for (Initializer i : all()) {
            assertEquals(i, Initializer.parse(i.spec()));
        }
        assertEquals("Invalid sigma: -1.0 (must be finite and > 0)",
                assertThrows(IllegalArgumentException.class, () -> Initializer.normal(-1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Initializer.parse("glorot"))
                .getMessage().startsWith("unknown initialiser 'glorot'"));
    }
}
