package dev.simdnn.layers;

import dev.simdnn.layers.check.KinkSignature;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.LossHead;
import dev.simdnn.layers.loss.Targets;

import java.util.List;

/**
 * A feed-forward network: layers in sequence, a loss head on the last layer's raw outputs, and optional
 * auxiliary losses on hidden layers (textbook F6). All trainable parameters live in one contiguous
 * {@link #parameters()} buffer and all gradients in one {@link #gradients()} buffer of the same length (each
 * layer holds offsets into them), so an optimizer step is one vectorised pass and the model file stores one
 * array; running statistics (batch norm) live in {@link #statistics()}.
 *
 * <p><b>Training</b> ({@link #computeGradients}): a training forward pass, the loss, and a backward pass that
 * <em>adds</em> into the gradient buffer; {@link #zeroGradients()} clears it explicitly (so gradients of several
 * micro-batches, or of tied weights, accumulate). Training calls use one workspace owned by the model and are for
 * one thread at a time; data-parallel training uses {@link #newWorkspace(int, float[])} per worker.
 *
 * <p><b>Inference</b> ({@link #predict}, {@link #classify}) is safe from many threads at once while nobody
 * trains: the weights are only read and each thread gets its own workspace. One sample at a time takes the same
 * path with a batch of one (the GEMMs then read the weights in place, no packing).
 *
 * <p><b>Bad input</b> throws {@link IllegalArgumentException} naming what was expected: a batch of 0, too few
 * input values for the batch, a sample of the wrong width, labels out of range (named by the loss). With
 * {@link #setCheckFinite(boolean)} on, NaN/∞ in the input, in a layer's output or in the loss is reported with the
 * layer and position.
 */
public final class Sequential {
    /** Rows per chunk for inference calls (each thread's inference workspace holds this many). */
    public static final int INFERENCE_CHUNK = 256;

    private final int inputWidth;
    private final List<Layer> layers;
    private final AuxiliaryLoss[] auxiliary;
    private final LossHead loss;
    private final long seed;
    private final float[] params;
    private final float[] grads;
    private final float[] statistics;
    private final List<ParameterTensor> parameterTensors;
    private final List<ParameterTensor> statisticTensors;
    private final ThreadLocal<Workspace> inferenceWorkspaces;
    private final Pass trainingPass = new Pass();
    private final Pass evaluationPass = Pass.evaluation();
    private Workspace trainingWorkspace;
    private long trainingSteps;
    private volatile boolean checkFinite;

    Sequential(int inputWidth, List<Layer> layers, AuxiliaryLoss[] auxiliary, LossHead loss, long seed) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        if (loss == null) {
            throw new IllegalArgumentException("a model needs a loss head");
        }
        this.inputWidth = inputWidth;
        this.layers = List.copyOf(layers);
        this.auxiliary = auxiliary.clone();
        this.loss = loss;
        this.seed = seed;
        ParameterLayout layout = new ParameterLayout();
        int width = inputWidth;
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            if (layer.inputWidth() != width) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + layer.kind() + ") expects "
                        + layer.inputWidth() + " inputs, but " + (i == 0 ? "the model input has " : "layer " + i
                        + " gives ") + width);
            }
            if (layer instanceof Dense d && d.tiedTo() != null && this.layers.subList(0, i).stream()
                    .noneMatch(l -> l == d.tiedTo())) {
                throw new IllegalArgumentException("layer " + (i + 1) + " is tied to a Dense layer that is not "
                        + "earlier in this model");
            }
            layer.attach(layer.kind() + (i + 1));
            layer.declare(layout);
            width = layer.outputWidth();
        }
        this.params = new float[layout.parameterCount()];
        this.grads = new float[layout.parameterCount()];
        this.statistics = new float[layout.statisticCount()];
        this.parameterTensors = layout.parameters();
        this.statisticTensors = layout.statistics();
        for (Layer layer : this.layers) {
            layer.bind(params, statistics);
        }
        initialise(seed);
        this.inferenceWorkspaces = ThreadLocal.withInitial(() -> new Workspace(this, INFERENCE_CHUNK, null));
    }

    /** A builder for a model whose samples have {@code inputWidth} features. */
    public static SequentialBuilder builder(int inputWidth) {
        return new SequentialBuilder(inputWidth);
    }

    /**
     * A multilayer perceptron from shorthand such as {@code "784-512-512-10"}: the first number is the input
     * width, each further number a Dense layer (Xavier-normal weights for sigmoid/tanh, He-normal for the
     * ReLU family), {@code hidden} on every hidden layer and no activation on the last (the loss head takes raw
     * outputs).
     */
    public static Sequential mlp(String shorthand, dev.simdnn.core.Activation hidden, LossHead loss, long seed) {
        String[] parts = shorthand.trim().split("-");
        if (parts.length < 2) {
            throw new IllegalArgumentException("architecture '" + shorthand + "' needs at least input-output, e.g. "
                    + "784-512-10");
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("architecture '" + shorthand + "': '" + parts[i]
                        + "' is not a layer width");
            }
            if (widths[i] < 1) {
                throw new IllegalArgumentException("architecture '" + shorthand + "': width " + widths[i] + " < 1");
            }
        }
        SequentialBuilder b = builder(widths[0]).seed(seed).loss(loss);
        for (int i = 1; i < widths.length; i++) {
            b.dense(widths[i], i == widths.length - 1 ? dev.simdnn.core.Activation.IDENTITY : hidden);
        }
        return b.build();
    }

    /** Re-initialises every parameter and running statistic from {@code seed} (layer i uses stream i). */
    public void initialise(long seed) {
        java.util.Arrays.fill(params, 0f);
        java.util.Arrays.fill(grads, 0f);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialise(SeededRandom.forStream(seed, i));
        }
    }

    // ---------------------------------------------------------------- structure

    /** Features per input sample. */
    public int inputWidth() {
        return inputWidth;
    }

    /** Raw outputs per sample (the last layer's width). */
    public int outputWidth() {
        return layers.getLast().outputWidth();
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The auxiliary loss on layer {@code i}'s output, or null. */
    public AuxiliaryLoss auxiliaryLoss(int layer) {
        return auxiliary[layer];
    }

    /** The loss head. */
    public LossHead loss() {
        return loss;
    }

    /** The seed the model was built with. */
    public long seed() {
        return seed;
    }

    /** The parameter buffer itself (live: writes change the model). */
    public float[] parameters() {
        return params;
    }

    /** The gradient buffer itself, same layout as {@link #parameters()}. */
    public float[] gradients() {
        return grads;
    }

    /** The running statistics buffer itself. */
    public float[] statistics() {
        return statistics;
    }

    /** The trainable tensors, in layer order. */
    public List<ParameterTensor> parameterTensors() {
        return parameterTensors;
    }

    /** The running-statistics tensors. */
    public List<ParameterTensor> statisticTensors() {
        return statisticTensors;
    }

    /** Number of trained values. */
    public int parameterCount() {
        return params.length;
    }

    /** Forward/backward training passes run so far (the dropout streams' step counter). */
    public long trainingSteps() {
        return trainingSteps;
    }

    /** Sets the training-pass counter (e.g. when resuming from a checkpoint). */
    public void setTrainingSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        this.trainingSteps = steps;
    }

    /** Turns the NaN/∞ checks of inputs, layer outputs and losses on or off (off by default: they cost a pass). */
    public void setCheckFinite(boolean on) {
        this.checkFinite = on;
    }

    /** A new workspace for batches of up to {@code capacity} rows that adds gradients into {@code gradients}
     *  (the model's {@link #gradients()} or a worker's own buffer of the same length; null for inference only). */
    public Workspace newWorkspace(int capacity, float[] gradients) {
        if (gradients != null && gradients.length != grads.length) {
            throw new IllegalArgumentException("gradient buffer has " + gradients.length + " values, the model "
                    + grads.length);
        }
        return new Workspace(this, capacity, gradients);
    }

    // ---------------------------------------------------------------- training

    /** The workspace of {@link #computeGradients(int, float[], int, Targets)} (its last batch), or null before. */
    public Workspace trainingWorkspace() {
        return trainingWorkspace;
    }

    /** Sets every gradient to zero. */
    public void zeroGradients() {
        java.util.Arrays.fill(grads, 0f);
    }

    /**
     * One training forward and backward pass on {@code batch} rows of x: returns the loss (plus auxiliary losses)
     * and <b>adds</b> its gradient into {@link #gradients()}; moves batch norm's running statistics; advances the
     * step counter that drives dropout masks. Allocates nothing once a batch this large has been seen.
     */
    public double computeGradients(int batch, float[] x, int xOff, Targets targets) {
        if (trainingWorkspace == null || trainingWorkspace.capacity < batch) {
            checkBatch(batch, x, xOff, Integer.MAX_VALUE);
            trainingWorkspace = new Workspace(this, batch, grads);
        }
        trainingPass.set(true, trainingSteps, 0);
        double value = computeGradients(trainingWorkspace, trainingPass, batch, x, xOff, targets, 0, false);
        updateStatistics(trainingWorkspace, batch);
        trainingSteps++;
        return value;
    }

    /**
     * Moves batch norm's running statistics by the batch statistics of the last training forward pass in
     * {@code ws} ({@code batch} rows); what {@link #computeGradients(int, float[], int, Targets)} does after each
     * pass. Data-parallel trainers call it once per shard, in shard order.
     */
    public void updateStatistics(Workspace ws, int batch) {
        checkWorkspace(ws, false);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).updateStatistics(ws.frames[i], batch);
        }
    }

    /**
     * The building block of {@link #computeGradients(int, float[], int, Targets)} for data-parallel workers and
     * gradient checks: forward and backward on {@code batch} rows with an explicit workspace and pass, targets
     * read from row {@code targetRow}, gradients added into the workspace's buffer; running statistics are not
     * touched. With {@code inputGradient}, dL/dx is left in {@link Workspace#inputGradient()}.
     */
    public double computeGradients(Workspace ws, Pass pass, int batch, float[] x, int xOff, Targets targets,
                                   int targetRow, boolean inputGradient) {
        checkWorkspace(ws, true);
        checkBatch(batch, x, xOff, ws.capacity);
        forward(ws, pass, batch, x, xOff);
        Frame last = ws.frames[layers.size() - 1];
        double value = loss.loss(batch, outputWidth(), last.out, 0, targets, targetRow, ws.lossGradient, 0);
        for (int i = layers.size() - 1; i >= 0; i--) {
            float[] dOut = i == layers.size() - 1 ? ws.lossGradient : ws.frames[i + 1].dIn;
            if (auxiliary[i] != null) {
                value += auxiliary[i].addTo(batch, layers.get(i).outputWidth(), ws.frames[i].out, 0, dOut, 0);
            }
            float[] in = i == 0 ? x : ws.frames[i - 1].out;
            layers.get(i).backward(ws.frames[i], batch, in, i == 0 ? xOff : 0, dOut, 0, pass, i > 0 || inputGradient);
        }
        if (checkFinite && !Double.isFinite(value)) {
            throw new IllegalStateException(loss.kind() + ": the loss is " + value);
        }
        return value;
    }

    /** The forward pass alone into the workspace's frames; returns the last layer's output array. */
    public float[] forward(Workspace ws, Pass pass, int batch, float[] x, int xOff) {
        checkWorkspace(ws, false);
        checkBatch(batch, x, xOff, ws.capacity);
        if (checkFinite) {
            checkFinite("model input", x, xOff, batch, inputWidth);
        }
        float[] in = x;
        int inOff = xOff;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Frame f = ws.frames[i];
            layer.forward(f, batch, in, inOff, pass);
            if (checkFinite) {
                checkFinite(layer.name() + " output", f.out, 0, batch, layer.outputWidth());
            }
            in = f.out;
            inOff = 0;
        }
        return in;
    }

    /**
     * The double-precision reference of {@link #computeGradients(Workspace, Pass, int, float[], int, Targets, int,
     * boolean)}: every layer's {@code forwardReference}/{@code backwardReference} and the loss's reference, on
     * {@code double[]} copies of the buffers ({@code params} laid out like {@link #parameters()}). Returns the loss
     * (plus auxiliary losses); when {@code dParams} is non-null adds the parameter gradient into it; when
     * {@code dInput} is non-null writes dL/dx there; when {@code kinks} is non-null records the side of every kink
     * met ({@link KinkSignature}). The model's own buffers are not touched.
     */
    public double referenceLoss(double[] params, double[] statistics, Pass pass, int batch, double[] x,
                                Targets targets, double[] dParams, double[] dInput, KinkSignature kinks) {
        if (params.length != this.params.length || statistics.length != this.statistics.length) {
            throw new IllegalArgumentException("reference buffers have " + params.length + "/" + statistics.length
                    + " values, the model " + this.params.length + "/" + this.statistics.length);
        }
        if (batch < 1 || x.length != batch * inputWidth) {
            throw new IllegalArgumentException("reference input must hold " + batch + " x " + inputWidth
                    + " values, has " + x.length);
        }
        int n = layers.size();
        double[][] inputs = new double[n + 1][];
        inputs[0] = x;
        for (int i = 0; i < n; i++) {
            inputs[i + 1] = layers.get(i).forwardReference(params, statistics, batch, inputs[i], pass, kinks);
        }
        boolean backward = dParams != null || dInput != null;
        double[] dOut = backward ? new double[batch * outputWidth()] : null;
        double value = loss.referenceLoss(batch, outputWidth(), inputs[n], targets, 0, dOut, kinks);
        double[] scratch = dParams != null ? dParams : new double[params.length];
        for (int i = n - 1; i >= 0; i--) {
            if (auxiliary[i] != null) {
                value += auxiliary[i].referenceAddTo(batch, layers.get(i).outputWidth(), inputs[i + 1], dOut);
            }
            if (backward) {
                dOut = layers.get(i).backwardReference(params, statistics, batch, inputs[i], dOut, pass, scratch);
            }
        }
        if (dInput != null) {
            System.arraycopy(dOut, 0, dInput, 0, dOut.length);
        }
        return value;
    }

    /**
     * The exact Hessian-vector product of the reference loss with respect to the parameters, H·v, by the
     * R-operator (Pearlmutter 1994: a forward pass of directional derivatives, then a backward pass of the
     * gradient's directional derivatives), in double, at {@code params}; the input is held fixed. Every layer but
     * batch norm supports it.
     *
     * @throws UnsupportedOperationException naming a layer without an R-operator
     */
    public double[] referenceHessianVector(double[] params, double[] statistics, Pass pass, int batch, double[] x,
                                           Targets targets, double[] v) {
        if (v.length != params.length) {
            throw new IllegalArgumentException("v has " + v.length + " values, the parameters " + params.length);
        }
        int n = layers.size();
        double[][] inputs = new double[n + 1][], rInputs = new double[n + 1][];
        inputs[0] = x;
        rInputs[0] = new double[x.length];
        for (int i = 0; i < n; i++) {
            double[][] yr = layers.get(i).forwardR(params, v, statistics, batch, inputs[i], rInputs[i], pass);
            inputs[i + 1] = yr[0];
            rInputs[i + 1] = yr[1];
        }
        double[] dOut = new double[batch * outputWidth()];
        loss.referenceLoss(batch, outputWidth(), inputs[n], targets, 0, dOut, null);
        double[] rdOut = loss.referenceGradientR(batch, outputWidth(), inputs[n], rInputs[n], targets);
        double[] hv = new double[params.length];
        for (int i = n - 1; i >= 0; i--) {
            if (auxiliary[i] != null) {
                auxiliary[i].referenceAddTo(batch, layers.get(i).outputWidth(), inputs[i + 1], dOut);
                auxiliary[i].referenceGradientR(batch, rInputs[i + 1], rdOut);
            }
            double[][] d = layers.get(i).backwardR(params, v, statistics, batch, inputs[i], rInputs[i], dOut, rdOut,
                    pass, hv);
            dOut = d[0];
            rdOut = d[1];
        }
        return hv;
    }

    // ---------------------------------------------------------------- inference

    /**
     * Raw outputs (logits/scores) for {@code batch} rows of x into {@code out[outOff ..]}, in evaluation mode.
     * Thread-safe while nobody trains.
     */
    public void predict(int batch, float[] x, int xOff, float[] out, int outOff) {
        checkBatch(batch, x, xOff, Integer.MAX_VALUE);
        int ow = outputWidth();
        if (out == null || outOff < 0 || (long) outOff + (long) batch * ow > out.length) {
            throw new IllegalArgumentException("out needs " + batch + " x " + ow + " values from offset " + outOff
                    + ", has " + (out == null ? "null" : out.length));
        }
        Workspace ws = inferenceWorkspaces.get();
        for (int r = 0; r < batch; r += ws.capacity) {
            int rows = Math.min(ws.capacity, batch - r);
            float[] y = forward(ws, evaluationPass, rows, x, xOff + r * inputWidth);
            System.arraycopy(y, 0, out, outOff + r * ow, rows * ow);
        }
    }

    /** Raw outputs for one sample into {@code out} (length ≥ {@link #outputWidth()}); thread-safe. */
    public void predict(float[] sample, float[] out) {
        checkSample(sample);
        predict(1, sample, 0, out, 0);
    }

    /** Raw outputs for one sample. */
    public float[] predict(float[] sample) {
        float[] out = new float[outputWidth()];
        predict(sample, out);
        return out;
    }

    /** Predictions for rows of x: the loss head's activation of the raw outputs (softmax probabilities, ...). */
    public void predictProbabilities(int batch, float[] x, int xOff, float[] out, int outOff) {
        predict(batch, x, xOff, out, outOff);
        loss.activate(batch, outputWidth(), out, outOff, out, outOff);
    }

    /** The class with the largest output (ties to the lowest index). */
    public int classify(float[] sample) {
        checkSample(sample);
        Workspace ws = inferenceWorkspaces.get();
        float[] y = forward(ws, evaluationPass, 1, sample, 0);
        int best = 0;
        for (int j = 1; j < outputWidth(); j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The loss in evaluation mode (no gradient), e.g. on validation data; thread-safe while nobody trains. */
    public double evaluateLoss(int batch, float[] x, int xOff, Targets targets) {
        checkBatch(batch, x, xOff, Integer.MAX_VALUE);
        Workspace ws = inferenceWorkspaces.get();
        double total = 0;
        for (int r = 0; r < batch; r += ws.capacity) {
            int rows = Math.min(ws.capacity, batch - r);
            float[] y = forward(ws, evaluationPass, rows, x, xOff + r * inputWidth);
            double part = loss.loss(rows, outputWidth(), y, 0, targets, r, null, 0);
            // MEAN losses are means per chunk: weight them by the chunk's share
            total += loss.reduction() == dev.simdnn.core.Reduction.MEAN ? part * rows / batch : part;
        }
        return total;
    }

    // ---------------------------------------------------------------- checks

    private void checkWorkspace(Workspace ws, boolean training) {
        if (ws == null || ws.model != this) {
            throw new IllegalArgumentException("the workspace belongs to " + (ws == null ? "nothing" : "another model"));
        }
        if (training && ws.gradients == null) {
            throw new IllegalArgumentException("this workspace was made for inference only (no gradient buffer)");
        }
    }

    private void checkBatch(int batch, float[] x, int xOff, int capacity) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must have at least 1 row, got " + batch);
        }
        if (batch > capacity) {
            throw new IllegalArgumentException("batch of " + batch + " rows exceeds the workspace's capacity of "
                    + capacity);
        }
        if (x == null) {
            throw new IllegalArgumentException("input must not be null");
        }
        long need = (long) batch * inputWidth;
        if (xOff < 0 || xOff + need > x.length) {
            throw new IllegalArgumentException(layers.getFirst().name() + " expects " + inputWidth
                    + " features per sample: a batch of " + batch + " needs " + need + " values from offset " + xOff
                    + ", the input has " + x.length);
        }
    }

    private void checkSample(float[] sample) {
        if (sample == null || sample.length != inputWidth) {
            throw new IllegalArgumentException(layers.getFirst().name() + " expects a sample of " + inputWidth
                    + " features, got " + (sample == null ? "null" : sample.length));
        }
    }

    private static void checkFinite(String what, float[] a, int off, int rows, int width) {
        for (int i = 0; i < rows * width; i++) {
            if (!Float.isFinite(a[off + i])) {
                throw new IllegalArgumentException(what + " has " + a[off + i] + " at row " + i / width + ", column "
                        + i % width);
            }
        }
    }

    /** The layers' descriptions, one per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(" + inputWidth + " inputs, " + params.length
                + " parameters)\n");
        for (int i = 0; i < layers.size(); i++) {
            sb.append("  ").append(layers.get(i)).append(auxiliary[i] != null ? " + " + auxiliary[i].spec() : "")
                    .append('\n');
        }
        return sb.append("  loss ").append(loss.kind()).append(' ').append(loss.spec()).toString();
    }
}
