package dev.simdnn.layers;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.loss.Targets;

/**
 * Run in a fresh JVM by {@link SequentialTest}: trains and queries one model until C2 has compiled its kernels,
 * then prints the bytes one training step and one single-sample inference allocate on the calling thread.
 * A fresh JVM, because the kernels' compiled code depends on the profile of everything the JVM ran before
 * (see the test).
 */
public final class AllocationProbe {
    public static void main(String[] args) {
        Sequential model = Sequential.builder(64).dense(48, Activation.RELU).batchNorm().dropout(0.2)
                .dense(32, Activation.TANH).maxout(8, 2).dense(10, Activation.IDENTITY).seed(1).build();
        float[] x = SequentialTest.gaussian(32 * 64, 1);
        Targets t = Targets.labels(SequentialTest.labels(32, 10, 1));
        float[] out = new float[10];
        float[] sample = java.util.Arrays.copyOf(x, 64);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long bytes = Long.MAX_VALUE;
        for (int window = 0; window < 400 && bytes > 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100; i++) {
                model.zeroGradients();
                model.computeGradients(32, x, 0, t);
                model.predict(sample, out);
            }
            bytes = threads.getThreadAllocatedBytes(id) - before;
        }
        System.out.println("bytes per 100 steps: " + bytes);
    }
}
