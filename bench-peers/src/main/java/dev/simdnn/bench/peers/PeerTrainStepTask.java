package dev.simdnn.bench.peers;

import java.util.function.LongUnaryOperator;

/**
 * A peer's training step as a task of simdnn's same-JVM comparison ({@code dev.simdnn.bench.ab.SameJvm}):
 * {@code -Dsimdnn.bench.peer=pytorch} (default) for {@link DjlTrainStepBench}, {@code dl4j} for
 * {@link Dl4jTrainStepBench}, with {@code -Dsimdnn.bench.threads} threads (default 1), the same network, data,
 * optimizer and batch as simdnn's task. {@code applyAsLong(steps)} returns the nanoseconds of that many steps.
 */
public final class PeerTrainStepTask implements LongUnaryOperator {
    private final Runnable step;

    public PeerTrainStepTask(Integer batch) {
        int threads = Integer.getInteger("simdnn.bench.threads", 1);
        String peer = System.getProperty("simdnn.bench.peer", "pytorch");
        switch (peer) {
            case "pytorch" -> {
                DjlTrainStepBench bench = new DjlTrainStepBench();
                bench.batch = batch;
                bench.threads = threads;
                bench.setUp();
                step = bench::step;
            }
            case "dl4j" -> {
                Dl4jTrainStepBench bench = new Dl4jTrainStepBench();
                bench.batch = batch;
                bench.threads = threads;
                bench.setUp();
                step = bench::step;
            }
            default -> throw new IllegalArgumentException("-Dsimdnn.bench.peer=" + peer + ": pytorch or dl4j");
        }
    }

    @Override
    public long applyAsLong(long steps) {
        long start = System.nanoTime();
        for (long s = 0; s < steps; s++) {
            step.run();
        }
        return System.nanoTime() - start;
    }
}
