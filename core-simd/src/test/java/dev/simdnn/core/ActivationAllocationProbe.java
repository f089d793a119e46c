package dev.simdnn.core;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * Run in a fresh JVM by {@link ActivationAllocationTest}: runs all nine activations forward and through the fused
 * backward until C2 has compiled them, the way a JVM that serves several models does, then prints the bytes 1000
 * calls of each allocate on the calling thread.
 */
public final class ActivationAllocationProbe {
    public static void main(String[] args) {
        int n = 512;
        Random random = new Random(1);
        float[] c = new float[n], y = new float[n], dy = new float[n], dz = new float[n], dBias = new float[64];
        for (int i = 0; i < n; i++) {
            c[i] = (float) random.nextGaussian();
            dy[i] = (float) random.nextGaussian();
        }
        for (int w = 0; w < 20_000; w++) {
            for (Activation f : Activation.values()) {
                Activations.forward(f, 0.1f, 100 + w % 7, c, 0, y, 0);
                Activations.backwardWithBiasGradient(f, 0.1f, 4, 60 + w % 5, c, 0, dy, 0, dz, 0, dBias, 0);
            }
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        StringBuilder allocating = new StringBuilder();
        for (Activation f : Activation.values()) {
            long forward, backward;
            int window = 0;
            // Up to 50 windows: a compilation still in the queue may finish during the first ones.
            do {
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 1000; i++) {
                    Activations.forward(f, 0.1f, 100, c, 0, y, 0);
                }
                long between = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 1000; i++) {
                    Activations.backwardWithBiasGradient(f, 0.1f, 4, 64, c, 0, dy, 0, dz, 0, dBias, 0);
                }
                forward = between - before;
                backward = threads.getThreadAllocatedBytes(id) - between;
            } while (++window < 50 && forward + backward > 0);
            if (forward + backward > 0) {
                allocating.append(' ').append(f).append(" (forward ").append(forward).append(" B, backward ")
                        .append(backward).append(" B)");
            }
        }
        System.out.println("allocating:" + (allocating.isEmpty() ? " none" : allocating));
    }
}
