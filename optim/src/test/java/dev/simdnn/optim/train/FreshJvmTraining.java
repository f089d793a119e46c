package dev.simdnn.optim.train;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.data.DataSets;
import dev.simdnn.optim.data.Dataset;
import dev.simdnn.optim.preprocess.Preprocessor;

import java.util.Map;

/**
 * Trains a small digits network with transcendental activations and a softmax head (2 epochs, Adam, 2 threads) and
 * prints a digest of the parameter bits; run in a fresh JVM by {@link FreshJvmDeterminismTest}.
 */
public final class FreshJvmTraining {
    private FreshJvmTraining() {}

    public static void main(String[] args) {
        System.out.println("parameter digest: " + digest());
    }

    /** FNV-1a over the raw bits of every parameter after training. */
    static long digest() {
        Dataset.Split s = DataSets.digits().split(0.2, 1);
        Preprocessor p = Preprocessor.parse("standardize");
        p.fit(s.first());
        Dataset train = p.apply(s.first());
        Sequential m = Sequential.builder(64).seed(8).loss(new SoftmaxCrossEntropy())
                .dense(48, Activation.TANH).dense(32, Activation.GELU).dense(24, Activation.SIGMOID)
                .dense(10, Activation.IDENTITY).build();
        new Trainer().epochs(2).batchSize(32).threads(2).seed(4).fit(m, Optimizers.create("adam", m, Map.of()), train,
                null);
        long h = 0xcbf29ce484222325L;
        for (float v : m.parameters()) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return h;
    }
}
