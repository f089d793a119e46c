package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.layers.init.SeededRandom;

/**
 * One layer of a feed-forward network on batch-major {@code float[]} blocks (textbook F5: linear and activation
 * layers are separate, "what most off-the-shelf systems implement"): {@link #forward} maps {@code batch x
 * inputWidth} to {@code batch x outputWidth}; {@link #backward} maps the gradient of the loss with respect to the
 * output to the gradient with respect to the input and <b>adds</b> the parameter gradients into the model's
 * gradient buffer (so shared weights sum their gradients, textbook F8; the model zeroes them explicitly).
 *
 * <p>A layer is thin: the arithmetic is done by the core-simd kernels. Its parameters are views (offsets) into
 * the model's one parameter buffer, which the model hands over in {@link #bind}. Per-call memory is a
 * {@link Frame}; the layer itself is immutable after binding except for the parameter values, so one model
 * serves many threads at once in evaluation mode, each with its own frames.
 *
 * <p>Every layer also has a double-precision reference of its forward and backward pass
 * ({@link #forwardReference}, {@link #backwardReference}): plain loops over {@code double[]} copies of the
 * buffers, written from the formulas and independent of the kernels. The gradient checker differentiates that
 * path numerically, and the tests compare the float production path with it (see the README's design section).
 */
public abstract class Layer {
    private final int inputWidth;
    private final int outputWidth;
    private String name;
    /** The model's buffers, after {@link #bind}. */
    protected float[] params;
    protected float[] statistics;

    protected Layer(int inputWidth, int outputWidth) {
        if (inputWidth < 1 || outputWidth < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " widths must be >= 1, got " + inputWidth
                    + " -> " + outputWidth);
        }
        this.inputWidth = inputWidth;
        this.outputWidth = outputWidth;
    }

    /** Values per sample in. */
    public final int inputWidth() {
        return inputWidth;
    }

    /** Values per sample out. */
    public final int outputWidth() {
        return outputWidth;
    }

    /** The name the model gave this layer ({@code dense1}, {@code batchnorm2}, ...), or its kind before that. */
    public final String name() {
        return name != null ? name : kind();
    }

    /** The layer's kind as it appears in names and in the model file ({@code dense}, {@code dropout}, ...). */
    public abstract String kind();

    /**
     * The layer's configuration as one line of {@code key=value} tokens after the kind, read back by
     * {@link dev.simdnn.layers.io.LayerSpecs}; together with the buffers it rebuilds the layer exactly.
     */
    public abstract String spec();

    /** Reserves this layer's tensors; called once, in model order. Layers without parameters do nothing. */
    protected void declare(ParameterLayout layout) {}

    /** Called once, before {@link #declare}: the name the model gives this layer. */
    final void attach(String name) {
        if (this.name != null) {
            throw new IllegalStateException(this.name + " already belongs to a model; build a new layer for each model");
        }
        this.name = name;
    }

    /** Called once after {@link #declare}: the model's parameter and statistics buffers. */
    final void bind(float[] params, float[] statistics) {
        this.params = params;
        this.statistics = statistics;
    }

    /** Writes this layer's initial parameters and statistics (weights from {@code random}, biases zero). */
    protected void initialise(SeededRandom random) {}

    /**
     * Scratch memory for batches of up to {@code capacity} rows; {@code gradients} is the buffer backward adds
     * parameter gradients into, or null for a frame that only runs inference.
     */
    protected abstract Frame newFrame(int capacity, float[] gradients);

    /** Forward on {@code batch} rows of x (from {@code xOff}) into {@code frame.out}. */
    protected abstract void forward(Frame frame, int batch, float[] x, int xOff, Pass pass);

    /**
     * Backward after {@link #forward} on the same frame and input: adds the parameter gradients into the
     * gradient buffer and, when {@code inputGradient}, writes dL/dx into {@code frame.dIn}.
     */
    protected abstract void backward(Frame frame, int batch, float[] x, int xOff, float[] dOut, int dOutOff,
                                     Pass pass, boolean inputGradient);

    /**
     * The double reference of {@link #forward}: returns {@code batch x outputWidth} values; when {@code kinks} is
     * non-null, records the side of every kink the pass met ({@link KinkSignature}).
     */
    protected abstract double[] forwardReference(double[] params, double[] statistics, int batch, double[] x,
                                                 Pass pass, KinkSignature kinks);

    /**
     * The double reference of {@link #backward}: adds parameter gradients into {@code dParams} (same offsets as the
     * parameter buffer) and returns dL/dx ({@code batch x inputWidth}).
     */
    protected abstract double[] backwardReference(double[] params, double[] statistics, int batch, double[] x,
                                                  double[] dOut, Pass pass, double[] dParams);

    /**
     * The R-operator (Pearlmutter 1994) of {@link #forwardReference}: the output and its directional derivative
     * {@code Ry} when the parameters move along {@code vP} and the input along {@code rx}. Returns {y, Ry}.
     *
     * @throws UnsupportedOperationException for layers without an exact Hessian-vector product (batch norm)
     */
    protected double[][] forwardR(double[] params, double[] vP, double[] statistics, int batch, double[] x,
                                  double[] rx, Pass pass) {
        throw new UnsupportedOperationException(name() + ": no exact Hessian-vector product for " + kind()
                + " layers; use finite differences of gradients (HessianFree)");
    }

    /**
     * The R-operator of {@link #backwardReference}: with the forward's x, Rx and the incoming dOut, R(dOut), adds
     * R(dL/dθ) into {@code rdParams} and returns {dL/dx, R(dL/dx)}.
     */
    protected double[][] backwardR(double[] params, double[] vP, double[] statistics, int batch, double[] x,
                                   double[] rx, double[] dOut, double[] rdOut, Pass pass, double[] rdParams) {
        throw new UnsupportedOperationException(name() + ": no exact Hessian-vector product for " + kind()
                + " layers; use finite differences of gradients (HessianFree)");
    }

    /**
     * Updates running statistics after a training forward pass (batch norm); nothing for other layers. Kept apart
     * from {@link #forward} so that gradient checks and data-parallel workers can run training passes without
     * moving them.
     */
    protected void updateStatistics(Frame frame, int batch) {}

    @Override
    public String toString() {
        return name() + " " + spec() + " (" + inputWidth + " -> " + outputWidth + ")";
    }
}
