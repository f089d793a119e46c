package dev.simdnn.bench.peers;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The DL4J peer of simdnn's {@code TrainStepBench}: {@code MultiLayerNetwork.fit(x, y)} on one batch (forward,
 * backward, Adam), the same network, float32, one-hot labels, inputs already on the native side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Dl4jTrainStepBench {
    @Param({"32", "128", "256"})
    public int batch;

    @Param({"1"})
    public int threads;

    private MultiLayerNetwork net;
    private INDArray x;
    private INDArray y;

    @Setup
    public void setUp() {
        Dl4j.configure(threads);
        net = Dl4j.network();
        x = Nd4j.create(PeerData.inputs(batch), new long[] {batch, PeerData.INPUTS});
        float[] labels = PeerData.labels(batch), oneHot = new float[batch * PeerData.CLASSES];
        for (int r = 0; r < batch; r++) {
            oneHot[r * PeerData.CLASSES + (int) labels[r]] = 1f;
        }
        y = Nd4j.create(oneHot, new long[] {batch, PeerData.CLASSES});
        System.out.println("peer: " + Dl4j.describe(threads));
        double first = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        if (!(Math.abs(first - Math.log(PeerData.CLASSES)) < 1.5)) {
            throw new IllegalStateException("initial loss " + first + " is far from ln 10");
        }
    }

    @Benchmark
    public MultiLayerNetwork step() {
        net.fit(x, y);
        return net;
    }
}
