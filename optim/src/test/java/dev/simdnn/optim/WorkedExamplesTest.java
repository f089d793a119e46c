package dev.simdnn.optim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimizer worked examples of shared/reference/lectures-inventory.md, Part C (T8, T9, T11). */
class WorkedExamplesTest {
    private static List<ParamGroup> one(double lr) {
        return List.of(ParamGroup.of(lr, 0, 0, 1));
    }

    /** θ₀ − θ₁ for one step from θ₀ = 0 with gradient g. */
    private static double firstStep(BiFunction<float[], float[], Optimizer> factory, float g) {
        float[] p = {0f}, grad = {g};
        factory.apply(p, grad).step();
        return -p[0];
    }

    /** T8: first-step sizes in the seeds' forms, lr = 1e-3. */
    @Test
    void t8FirstStepSizes() {
        double lr = 1e-3;
        // AdaGrad, ν = 1e-7 inside the root: lr·g/√(g² + ν) = 0.9535·lr at g = 1e-3.
        assertEquals(0.95346 * lr, firstStep((p, g) -> new AdaGrad(p, g, one(lr), 0, 1e-7, 0, true), 1e-3f), 1e-5 * lr);
        // RMSProp, β = 0.99, ν inside, no bias correction: ≈ 10·lr; at g = 100 exactly 1e-2.
        assertEquals(1e-2, firstStep((p, g) -> new RmsProp(p, g, one(lr), 0.99, 1e-7, 0, false, true), 100f), 1e-7);
        // Adam without bias correction: lr·0.1g/√(0.001g² + ν) ≈ 3.16·lr.
        assertEquals(3.1621 * lr, firstStep((p, g) -> new Adam(p, g, one(lr), 0.9, 0.999, 1e-7, false, false, true), 1f),
                1e-4 * lr);
        // Adam with bias correction: lr·|g|/(|g| + ε), i.e. lr·sign(g).
        assertEquals(lr, firstStep((p, g) -> new Adam(p, g, one(lr), 0.9, 0.999, 1e-8, false, true, false), -1f) * -1,
                1e-9);
    }

    /** T8's counter-check: one g = 1 after T − 1 zero gradients moves 0.98·lr (T = 100) and 2.51·lr (T = 1000). */
    @Test
    void t8AdamStepIsNotBoundedByTheLearningRate() {
        for (int[] c : new int[][] {{100, 98}, {1000, 251}}) {
            float[] p = {0f}, g = {0f};
            Adam adam = new Adam(p, g, one(1e-3), 0.9, 0.999, 1e-8, false, true, false);
            for (int t = 1; t < c[0]; t++) {
                adam.step();
            }
            g[0] = 1f;
            adam.step();
            assertEquals(c[1] / 100.0, -p[0] / 1e-3, 0.006, "T = " + c[0]);
        }
    }

    /** T9: scaling the loss by 4 (exact in float) leaves Adam, RMSProp and Rprop trajectories bit for bit the same. */
    @Test
    void t9ScaleInvariance() {
        List<BiFunction<float[], float[], Optimizer>> invariant = List.of(
                (p, g) -> new Adam(p, g, List.of(ParamGroup.of(0.05, 0, 0, 2)), 0.9, 0.999, 1e-30, false, true, false),
                (p, g) -> new RmsProp(p, g, List.of(ParamGroup.of(0.01, 0, 0, 2)), 0.99, 1e-30, 0, false, false),
                (p, g) -> new Rprop(p, g, List.of(ParamGroup.of(0.01, 0, 0, 2)), 0.5, 1.2, 1e-6, 50, false));
        for (BiFunction<float[], float[], Optimizer> factory : invariant) {
            assertArrayEquals(trajectory(factory, 1f), trajectory(factory, 4f));
        }
        BiFunction<float[], float[], Optimizer> sgd = (p, g) -> new Sgd(p, g, List.of(ParamGroup.of(0.01, 0, 0, 2)), 0, 0, false);
        assertNotEquals(trajectory(sgd, 1f)[0], trajectory(sgd, 4f)[0], "plain SGD is not scale invariant");
    }

    private static float[] trajectory(BiFunction<float[], float[], Optimizer> factory, float scale) {
        float[] p = {1.5f, -1f}, g = new float[2];
        Optimizer opt = factory.apply(p, g);
        for (int t = 0; t < 100; t++) {
            double[] grad = TestFunctions.ELONGATED_BOWL.gradient(p[0], p[1]);
            g[0] = (float) grad[0] * scale;
            g[1] = (float) grad[1] * scale;
            opt.step();
        }
        return p;
    }

    /** T11: gradients +0.1 (nine batches) and −0.9 (the tenth): SGD returns to its start, sign-based Rprop drifts. */
    @Test
    void t11RpropDriftsWhereSgdCancels() {
        float[] ps = {0f}, gs = {0f}, pr = {0f}, gr = {0f};
        Sgd sgd = new Sgd(ps, gs, one(0.01), 0, 0, false);
        Rprop rprop = new Rprop(pr, gr, one(0.01), 0.5, 1.2, 1e-6, 50, false);
        float previous = 0f;
        for (int cycle = 0; cycle < 100; cycle++) {
            for (int batch = 0; batch < 10; batch++) {
                gs[0] = gr[0] = batch < 9 ? 0.1f : -0.9f;
                sgd.step();
                rprop.step();
            }
            assertTrue(pr[0] < previous - 8 * 1e-6, "Rprop moves against the majority sign every cycle: " + pr[0]);
            previous = pr[0];
        }
        assertEquals(0f, ps[0], 1e-5f, "SGD's gradients sum to 0 per cycle");
        assertTrue(pr[0] < -8 * 0.01, "Rprop drifted " + pr[0] + " (sign-SGD would drift -8.0 at step 0.01)");
    }
}
