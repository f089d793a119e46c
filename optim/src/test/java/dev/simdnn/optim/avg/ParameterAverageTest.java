package dev.simdnn.optim.avg;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterAverageTest {
    @Test
    void runningMeanAndBiasCorrectedEmaEqualTheirExplicitForms() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 5, steps = 40;
        float beta = 0.9f;
        RunningMean mean = new RunningMean(n);
        ExponentialAverage ema = new ExponentialAverage(n, beta);
        double[][] history = new double[steps][n];
        for (int t = 0; t < steps; t++) {
            float[] p = new float[n];
            for (int i = 0; i < n; i++) p[i] = (float) (history[t][i] = rnd.nextDouble(-1, 1));
            mean.update(p, 0);
            ema.update(p, 0);
        }
        float[] m = new float[n], e = new float[n], raw = new float[n];
        mean.value(m, 0);
        ema.value(e, 0);
        ema.raw(raw, 0);
        for (int i = 0; i < n; i++) {
            double sum = 0, weighted = 0, weights = 0;
            for (int t = 0; t < steps; t++) {
                sum += history[t][i];
                double w = (1 - beta) * Math.pow(beta, steps - 1 - t);
                weighted += w * history[t][i];
                weights += w;
            }
            assertEquals(sum / steps, m[i], 1e-5, "running mean");
            assertEquals(weighted / weights, e[i], 1e-5, "explicit EMA = recursive / (1 - beta^t)");
            assertEquals(weighted, raw[i], 1e-5, "uncorrected recursion");
        }
    }

    @Test
    void swapInAndOutRestoresTheTrainedParametersExactly() {
        RunningMean mean = new RunningMean(3);
        float[] params = {1f, 2f, 3f};
        mean.update(params, 0);
        params[0] = 5f;
        mean.update(params, 0);
        float[] trained = params.clone();
        mean.swapIn(params, 0);
        assertArrayEquals(new float[] {3f, 2f, 3f}, params);
        assertThrows(IllegalStateException.class, () -> mean.update(params, 0));
        mean.swapOut(params, 0);
        assertArrayEquals(trained, params);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExponentialAverage(2, 1f));
        assertEquals("Invalid beta: 1.0 (must be in [0, 1))", e.getMessage());
    }
}
