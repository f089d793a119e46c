package dev.simdnn.layers;

import dev.simdnn.core.Activation;
import dev.simdnn.layers.init.Initializer;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.AuxiliaryLoss;
import dev.simdnn.layers.loss.LossHead;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Sequential} layer by layer, each layer's input width taken from the previous one:
 * <pre>{@code
 * Sequential model = Sequential.builder(784)
 *         .dense(512, Activation.RELU).dropout(0.2)
 *         .dense(512, false, Activation.IDENTITY).batchNorm().activation(Activation.RELU)   // BN before ReLU
 *         .dense(10, Activation.IDENTITY)
 *         .loss(new SoftmaxCrossEntropy())
 *         .seed(42)
 *         .build();
 * }</pre>
 * Defaults: weights He-normal (fan-in) under the ReLU family and Xavier-normal otherwise unless
 * {@link #initializer} says otherwise, biases zero, softmax + cross-entropy, seed 0. Dropout seeds derive from
 * the model seed and the layer's position.
 */
public final class SequentialBuilder {
    private final int inputWidth;
    private final List<Layer> layers = new ArrayList<>();
    private final List<AuxiliaryLoss> auxiliary = new ArrayList<>();
    private LossHead loss = new SoftmaxCrossEntropy();
    private long seed;
    private Initializer initializer;

    SequentialBuilder(int inputWidth) {
        if (inputWidth < 1) {
            throw new IllegalArgumentException("input width must be >= 1, got " + inputWidth);
        }
        this.inputWidth = inputWidth;
    }

    private int width() {
        return layers.isEmpty() ? inputWidth : layers.getLast().outputWidth();
    }

    private Initializer initializerFor(Activation a) {
        if (initializer != null) {
            return initializer;
        }
        return switch (a) {
            case RELU, LEAKY_RELU, ELU, GELU, SOFTPLUS -> Initializer.heNormal();
            default -> Initializer.xavierNormal();
        };
    }

    /** The initialiser for the Dense layers added after this call (null restores the default choice). */
    public SequentialBuilder initializer(Initializer initializer) {
        this.initializer = initializer;
        return this;
    }

    /** A Dense layer with bias and a fused activation. */
    public SequentialBuilder dense(int units, Activation activation) {
        return dense(units, true, activation);
    }

    /** A Dense layer with or without bias (without: e.g. before batch norm, whose β is the bias). */
    public SequentialBuilder dense(int units, boolean bias, Activation activation) {
        return add(new Dense(width(), units, bias, activation, Float.NaN, initializerFor(activation)));
    }

    /** A Dense layer with an activation parameter (leaky ReLU's slope, ELU's scale). */
    public SequentialBuilder dense(int units, boolean bias, Activation activation, float alpha) {
        return add(new Dense(width(), units, bias, activation, alpha, initializerFor(activation)));
    }

    /** An element-wise activation layer with f's default α. */
    public SequentialBuilder activation(Activation activation) {
        return add(new ActivationLayer(width(), activation, Float.NaN));
    }

    /** An element-wise activation layer. */
    public SequentialBuilder activation(Activation activation, float alpha) {
        return add(new ActivationLayer(width(), activation, alpha));
    }

    /** Batch norm with PyTorch's defaults (ε 1e-5, momentum 0.1, unbiased running variance). */
    public SequentialBuilder batchNorm() {
        return add(new BatchNormLayer(width()));
    }

    /** Batch norm with explicit settings. */
    public SequentialBuilder batchNorm(float eps, float momentum, boolean unbiased) {
        return add(new BatchNormLayer(width(), eps, momentum, unbiased));
    }

    /** Inverted dropout dropping each value with probability {@code rate}. */
    public SequentialBuilder dropout(double rate) {
        long dropoutSeed = SeededRandom.forStream(seed ^ 0x5EEDD80L, layers.size()).nextLong();
        return add(new DropoutLayer(width(), rate, dropoutSeed));
    }

    /** A maxout unit: a Dense layer of {@code k·units} outputs followed by the max over its k pieces. */
    public SequentialBuilder maxout(int units, int k) {
        dense(Math.multiplyExact(units, k), true, Activation.IDENTITY);
        return add(new MaxoutLayer(units, k));
    }

    /** Any layer (e.g. {@link Dense#tiedTo}); its input width must match. */
    public SequentialBuilder add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("layer must not be null");
        }
        if (layer.inputWidth() != width()) {
            throw new IllegalArgumentException(layer.kind() + " expects " + layer.inputWidth() + " inputs, but the "
                    + (layers.isEmpty() ? "model input has " : "previous layer gives ") + width());
        }
        layers.add(layer);
        auxiliary.add(null);
        return this;
    }

    /** The last layer added so far (e.g. to tie a later layer to it). */
    public Layer last() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("no layer added yet");
        }
        return layers.getLast();
    }

    /** Adds an auxiliary loss on the output of the last layer added (textbook F6). */
    public SequentialBuilder auxiliaryLoss(AuxiliaryLoss aux) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("an auxiliary loss attaches to a layer: add one first");
        }
        auxiliary.set(layers.size() - 1, aux);
        return this;
    }

    /** The loss head (default softmax + cross-entropy, mean reduction). */
    public SequentialBuilder loss(LossHead loss) {
        this.loss = loss;
        return this;
    }

    /** The seed of the weights and dropout masks (set it before adding dropout layers). */
    public SequentialBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The model, initialised from the seed. */
    public Sequential build() {
        return new Sequential(inputWidth, layers, auxiliary.toArray(new AuxiliaryLoss[0]), loss, seed);
    }
}
