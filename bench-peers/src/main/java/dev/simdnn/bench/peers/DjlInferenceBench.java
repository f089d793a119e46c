package dev.simdnn.bench.peers;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The peer of simdnn's {@code InferenceBench}: one sample through the same MLP in PyTorch via DJL, evaluation
 * mode, the 10 outputs read back into a Java array (what a service does with a prediction). SampleTime: p50, p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DjlInferenceBench {
    @Param({"1"})
    public int threads;

    private NDManager manager;
    private Model model;
    private ParameterStore parameters;
    private NDArray sample;

    @Setup
    public void setUp() {
        Djl.configure(threads);
        manager = NDManager.newBaseManager("PyTorch");
        model = Djl.model();
        model.getBlock().initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, PeerData.INPUTS));
        parameters = new ParameterStore(manager, false);
        sample = manager.create(java.util.Arrays.copyOf(PeerData.inputs(1), PeerData.INPUTS),
                new Shape(1, PeerData.INPUTS));
        System.out.println("peer: " + Djl.describe() + ", " + threads + " intra-op threads");
    }

    @Benchmark
    public float[] predict() {
        try (NDManager call = manager.newSubManager()) {
            sample.tempAttach(call);
            NDList out = model.getBlock().forward(parameters, new NDList(sample), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    @TearDown
    public void tearDown() {
        model.close();
        manager.close();
    }
}
