package dev.simdnn.layers;

/**
 * The scratch memory of one layer for batches of up to {@code capacity} rows: its output, the gradient it passes
 * back to its input, and whatever its backward pass needs from the forward pass (subclasses add those). A frame
 * belongs to one thread at a time; a {@link Workspace} holds one per layer, so concurrent inference uses one
 * workspace per thread and the weights are only read.
 */
public class Frame {
    /** The most rows a batch may have. */
    public final int capacity;
    /** Output, {@code capacity x outputWidth}, batch-major. */
    public final float[] out;
    /** Gradient with respect to the input, {@code capacity x inputWidth} (written by backward); null in frames
     *  made for inference only. */
    public final float[] dIn;
    /** The gradient buffer that backward adds parameter gradients into (the model's, or a worker's own). */
    public final float[] gradients;
    /** Threads each GEMM of this frame may use ({@link Workspace#setGemmThreads}); results do not depend on it. */
    int gemmThreads = dev.simdnn.core.Gemm.threads();

    protected Frame(Layer layer, int capacity, float[] gradients) {
        this.capacity = capacity;
        this.out = new float[Math.multiplyExact(capacity, layer.outputWidth())];
        this.dIn = gradients != null ? new float[Math.multiplyExact(capacity, layer.inputWidth())] : null;
        this.gradients = gradients;
    }

    /** True when this frame can run backward passes. */
    public boolean trainable() {
        return gradients != null;
    }
}
