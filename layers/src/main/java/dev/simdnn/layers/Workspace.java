package dev.simdnn.layers;

/**
 * The per-thread memory of a {@link Sequential} model for batches of up to {@link #capacity()} rows: one
 * {@link Frame} per layer and the loss gradient. Allocated once and reused, so a training step or an inference
 * call allocates nothing. Not thread-safe: each thread uses its own workspace (the model's inference methods keep
 * one per thread). A workspace made for training adds parameter gradients into {@link #gradients()}: the model's
 * gradient buffer, or a private buffer of the same length for a data-parallel worker.
 */
public final class Workspace {
    final Sequential model;
    final int capacity;
    final Frame[] frames;
    final float[] lossGradient;
    final float[] gradients;

    Workspace(Sequential model, int capacity, float[] gradients) {
        if (capacity < 1) {
            throw new IllegalArgumentException("workspace capacity must be >= 1 row, got " + capacity);
        }
        this.model = model;
        this.capacity = capacity;
        this.gradients = gradients;
        this.frames = new Frame[model.layers().size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = model.layers().get(i).newFrame(capacity, gradients);
        }
        this.lossGradient = gradients != null ? new float[Math.multiplyExact(capacity, model.outputWidth())] : null;
    }

    /**
     * Threads each GEMM of this workspace may use (default {@link dev.simdnn.core.Gemm#threads()}): 1 for the
     * workspaces of data-parallel workers, which are themselves the parallelism. Results do not depend on it.
     */
    public void setGemmThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        for (Frame f : frames) {
            f.gemmThreads = threads;
        }
    }

    /** The most rows per batch. */
    public int capacity() {
        return capacity;
    }

    /** The buffer backward passes add parameter gradients into, or null for an inference-only workspace. */
    public float[] gradients() {
        return gradients;
    }

    /** Layer {@code i}'s output of the last forward pass ({@code batch x outputWidth} from index 0). */
    public float[] output(int layer) {
        return frames[layer].out;
    }

    /** dL/dx of the model input after a backward pass that asked for it. */
    public float[] inputGradient() {
        return frames[0].dIn;
    }

    /** The gradient of the loss with respect to the model's raw outputs, after a backward pass. */
    public float[] lossGradient() {
        return lossGradient;
    }
}
