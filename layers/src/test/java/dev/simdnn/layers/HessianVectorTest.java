package dev.simdnn.layers;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.check.ReferenceMath;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.BinaryCrossEntropy;
import dev.simdnn.layers.loss.LossHead;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.layers.loss.SquaredError;
import dev.simdnn.layers.loss.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact Hessian-vector product (R-operator) against the central difference of the reference gradient along v,
 * (∇f(θ + hv) − ∇f(θ − hv)) / 2h with h = 1e-5: relative difference ≤ 1e-6 (the difference's own O(h²) error).
 */
class HessianVectorTest {
    static double[] random(int n, long seed) {
        SeededRandom r = new SeededRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static void check(Sequential m, LossHead head, Targets t, int batch) {
        double[] p = ReferenceMath.widen(m.parameters(), 0, m.parameterCount());
        double[] stats = ReferenceMath.widen(m.statistics(), 0, m.statistics().length);
        double[] x = random(batch * m.inputWidth(), 3), v = random(p.length, 4);
        Pass pass = Pass.training(2, 0);
        double[] hv = m.referenceHessianVector(p, stats, pass, batch, x, t, v);
        double h = 1e-5;
        double[] plus = p.clone(), minus = p.clone(), gp = new double[p.length], gm = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        m.referenceLoss(plus, stats, pass, batch, x, t, gp, null, null);
        m.referenceLoss(minus, stats, pass, batch, x, t, gm, null, null);
        double diff = 0, norm = 0;
        for (int i = 0; i < p.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * h);
            diff += (fd - hv[i]) * (fd - hv[i]);
            norm += fd * fd;
        }
        double rel = Math.sqrt(diff / norm);
        System.out.printf("%-22s ‖Hv − FD‖/‖FD‖ = %.2e%n", head.kind(), rel);
        assertTrue(rel < 1e-6, head.kind() + ": relative difference " + rel);
    }

    @Test
    void smoothStacksWithEveryLossMatchFiniteDifferences() {
        int batch = 7;
        int[] labels = {0, 1, 2, 0, 1, 2, 1};
        float[] targets = new float[batch * 3];
        SeededRandom r = new SeededRandom(9);
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) r.nextDouble();
        }
        Object[][] cases = {{new SoftmaxCrossEntropy(), Targets.labels(labels)},
                {new SquaredError(), Targets.values(targets)}, {new BinaryCrossEntropy(), Targets.values(targets)}};
        for (Object[] c : cases) {
            SequentialBuilder b = Sequential.builder(5).seed(2).dense(6, Activation.TANH)
                    .auxiliaryLoss(AuxiliaryLoss.l2Activity(0.2)).dense(8, Activation.GELU).dropout(0.3)
                    .dense(6, Activation.SOFTPLUS).activation(Activation.SIGMOID);
            Dense encoder = (Dense) b.dense(4, true, Activation.ELU, 0.7f).last();
            Sequential m = b.add(Dense.tiedTo(encoder, true, Activation.IDENTITY, Float.NaN)).maxout(3, 2)
                    .loss((LossHead) c[0]).build();
            check(m, (LossHead) c[0], (Targets) c[1], batch);
        }
    }

    @Test
    void batchNormSaysItHasNoExactProduct() {
        Sequential m = Sequential.builder(3).dense(4, Activation.IDENTITY).batchNorm().dense(2, Activation.IDENTITY)
                .build();
        double[] p = ReferenceMath.widen(m.parameters(), 0, m.parameterCount());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> m.referenceHessianVector(p, new double[8], Pass.training(0, 0), 2, new double[6],
                        Targets.labels(new int[] {0, 1}), new double[p.length]));
        assertTrue(e.getMessage().startsWith("batchnorm2: no exact Hessian-vector product"), e.getMessage());
    }
}
