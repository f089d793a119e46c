package dev.simdnn.props.update;

import dev.simdnn.core.UpdateTest;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Every optimizer update rule of core-simd's UpdateTest, on random lengths 0..300 (every tail of 16-lane loops)
 * and random data: after 200 steps the Vector API and scalar twins hold bitwise-equal parameters and state.
 */
class UpdateProperties {
    private static final KernelProvider SCALAR = KernelProviders.scalar();
    private static final KernelProvider PANAMA = KernelProviders.panama();

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void twinsStayBitwiseEqual(@ForAll @IntRange(min = 0, max = 300) int n,
                               @ForAll @IntRange(min = 0, max = 100) int ruleChoice, @ForAll long seed) {
        UpdateTest.Rule rule = UpdateTest.RULES[ruleChoice % UpdateTest.RULES.length];
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] ps = new float[n], pp = new float[n];
        for (int i = 0; i < n; i++) ps[i] = pp[i] = (float) rnd.nextDouble(-2, 2);
        float[][] ss = new float[3][n], sp = new float[3][n];
        for (int step = 1; step <= 200; step++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) g[i] = (float) (rnd.nextGaussian() * 0.3);
            rule.floatStep(SCALAR, n, ps, g, ss, step);
            rule.floatStep(PANAMA, n, pp, g, sp, step);
        }
        assertArrayEquals(ps, pp, rule + " n=" + n);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(ss[s], sp[s], rule + " state " + s + " n=" + n);
        }
    }
}
