package dev.simdnn.bench.peers;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.ndarray.types.Shape;

/** The benchmark MLP in DJL on PyTorch, with the thread count fixed before the engine starts. */
final class Djl {
    private Djl() {}

    /** Sets PyTorch's intra-op threads (interop 1) and offline mode; must run before any DJL engine call. */
    static void configure(int threads) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    /** "PyTorch 2.7.1 (DJL 0.36.0)". */
    static String describe() {
        Engine e = Engine.getEngine("PyTorch");
        return e.getEngineName() + " " + e.getVersion();
    }

    static Model model() {
        Model model = Model.newInstance("mlp", "PyTorch");
        model.setBlock(new SequentialBlock()
                .add(Linear.builder().setUnits(PeerData.HIDDEN).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(PeerData.HIDDEN).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(PeerData.CLASSES).build()));
        return model;
    }

    static Trainer trainer(Model model, int batch) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(batch, PeerData.INPUTS));
        return trainer;
    }
}
