package dev.simdnn.bench.peers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The benchmark MLP in DL4J 1.0.0-M2.1 (nd4j-native, float32), with ND4J's thread counts fixed. */
final class Dl4j {
    private Dl4j() {}

    /**
     * float32 everywhere and {@code threads} threads for ND4J's ops and its BLAS, whose kernels are chosen first
     * ({@link Dl4jOpenBlasCore}).
     */
    static void configure(int threads) {
        Dl4jOpenBlasCore.choose();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** What the peer runs on, for its first line of output. */
    static String describe(int threads) {
        return "DL4J 1.0.0-M2.1, " + Nd4j.getBackend().getClass().getSimpleName() + ", OpenBLAS core "
                + Dl4jOpenBlasCore.loadedCore() + ", " + threads + " threads";
    }

    static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(PeerData.INPUTS).nOut(PeerData.HIDDEN)
                        .activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(PeerData.HIDDEN).nOut(PeerData.HIDDEN)
                        .activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(PeerData.HIDDEN)
                        .nOut(PeerData.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
