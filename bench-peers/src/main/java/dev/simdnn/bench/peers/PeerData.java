package dev.simdnn.bench.peers;

import dev.simdnn.layers.init.SeededRandom;

/**
 * The same network and data as simdnn's end-to-end benchmarks ({@code dev.simdnn.bench.train.Mlp}): 784-512-512-10
 * ReLU, softmax + cross-entropy, Adam lr 1e-3, float32 inputs ~ N(0, 1) (seed 11) and labels (seed 12).
 */
final class PeerData {
    static final int INPUTS = 784;
    static final int HIDDEN = 512;
    static final int CLASSES = 10;

    private PeerData() {}

    static float[] inputs(int rows) {
        SeededRandom r = new SeededRandom(11);
        float[] x = new float[rows * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static float[] labels(int rows) {
        SeededRandom r = new SeededRandom(12);
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = r.nextInt(CLASSES);
        }
        return y;
    }
}
