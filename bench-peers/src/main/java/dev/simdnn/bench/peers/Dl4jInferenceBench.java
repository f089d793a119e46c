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

/** The DL4J peer of simdnn's {@code InferenceBench}: {@code output} of one sample, read back as floats. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Dl4jInferenceBench {
    @Param({"1"})
    public int threads;

    private MultiLayerNetwork net;
    private INDArray sample;

    @Setup
    public void setUp() {
        Dl4j.configure(threads);
        net = Dl4j.network();
        sample = Nd4j.create(java.util.Arrays.copyOf(PeerData.inputs(1), PeerData.INPUTS),
                new long[] {1, PeerData.INPUTS});
        System.out.println("peer: " + Dl4j.describe(threads));
    }

    @Benchmark
    public float[] predict() {
        return net.output(sample, false).toFloatVector();
    }
}
