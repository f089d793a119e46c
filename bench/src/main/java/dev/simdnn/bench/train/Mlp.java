package dev.simdnn.bench.train;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;

/**
 * The end-to-end benchmark network and data, shared by simdnn's benchmarks and the peers': 784-512-512-10, ReLU,
 * softmax + cross-entropy, Adam (lr 1e-3), float32 inputs ~ N(0, 1) and uniform labels, seed 1.
 */
public final class Mlp {
    public static final String ARCHITECTURE = "784-512-512-10";
    public static final int INPUTS = 784;
    public static final int CLASSES = 10;

    private Mlp() {}

    public static Sequential model() {
        return Sequential.mlp(ARCHITECTURE, Activation.RELU, new SoftmaxCrossEntropy(), 1);
    }

    public static float[] inputs(int rows) {
        SeededRandom r = new SeededRandom(11);
        float[] x = new float[rows * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    public static int[] labels(int rows) {
        SeededRandom r = new SeededRandom(12);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = r.nextInt(CLASSES);
        }
        return y;
    }
}
