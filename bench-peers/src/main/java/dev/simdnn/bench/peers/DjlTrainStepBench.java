package dev.simdnn.bench.peers;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
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
 * The peer of simdnn's {@code TrainStepBench}: one training step (forward, backward, Adam) of the same MLP in
 * PyTorch 2.7.1 through DJL 0.36.0, float32, with {@code threads} intra-op threads. Inputs stay on the native side
 * between steps (no copy per step); each step's intermediates are freed with a per-step sub-manager, as DJL's own
 * {@code EasyTrain} does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DjlTrainStepBench {
    @Param({"32", "128", "256"})
    public int batch;

    @Param({"1"})
    public int threads;

    private NDManager manager;
    private Model model;
    private Trainer trainer;
    private NDArray x;
    private NDArray y;

    @Setup
    public void setUp() {
        Djl.configure(threads);
        manager = NDManager.newBaseManager("PyTorch");
        model = Djl.model();
        trainer = Djl.trainer(model, batch);
        x = manager.create(PeerData.inputs(batch), new Shape(batch, PeerData.INPUTS));
        y = manager.create(PeerData.labels(batch), new Shape(batch));
        System.out.println("peer: " + Djl.describe() + ", " + threads + " intra-op threads");
        float first = step();
        if (!(Math.abs(first - Math.log(PeerData.CLASSES)) < 1.5)) {
            throw new IllegalStateException("initial loss " + first + " is far from ln 10");
        }
    }

    /** One step; returns the loss (read back, which also waits for the computation). */
    @Benchmark
    public float step() {
        try (NDManager stepManager = manager.newSubManager()) {
            x.tempAttach(stepManager);
            y.tempAttach(stepManager);
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray l = trainer.getLoss().evaluate(new NDList(y), predictions);
                gc.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    @TearDown
    public void tearDown() {
        trainer.close();
        model.close();
        manager.close();
    }
}
