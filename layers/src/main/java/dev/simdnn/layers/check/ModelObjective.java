package dev.simdnn.layers.check;

import dev.simdnn.layers.Pass;
import dev.simdnn.layers.ParameterTensor;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.loss.Targets;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's loss on one batch as an {@link Objective} of its parameters and its input, computed by the model's
 * double-precision reference ({@link Sequential#referenceLoss}): θ = [parameters (as in the parameter buffer),
 * input (batch x inputWidth)]. Running statistics and the pass (training or evaluation, and the dropout step) are
 * frozen at construction, so dropout masks stay fixed while θ moves.
 */
public final class ModelObjective implements Objective {
    private final Sequential model;
    private final int batch;
    private final Targets targets;
    private final Pass pass;
    private final double[] statistics;
    private final int parameterCount;

    /** The objective of {@code model} on {@code batch} rows with {@code targets}, in the given pass. */
    public ModelObjective(Sequential model, int batch, Targets targets, Pass pass) {
        this.model = model;
        this.batch = batch;
        this.targets = targets;
        this.pass = pass;
        this.statistics = ReferenceMath.widen(model.statistics(), 0, model.statistics().length);
        this.parameterCount = model.parameterCount();
    }

    /** θ at the model's current parameters and the given input rows. */
    public double[] point(float[] x, int xOff) {
        double[] theta = new double[dimension()];
        float[] p = model.parameters();
        for (int i = 0; i < parameterCount; i++) {
            theta[i] = p[i];
        }
        for (int i = 0; i < batch * model.inputWidth(); i++) {
            theta[parameterCount + i] = x[xOff + i];
        }
        return theta;
    }

    /** One block per parameter tensor, then {@code input}. */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (ParameterTensor t : model.parameterTensors()) {
            blocks.add(new Block(t.name(), t.offset(), t.length()));
        }
        blocks.add(new Block("input", parameterCount, batch * model.inputWidth()));
        return blocks;
    }

    @Override
    public int dimension() {
        return parameterCount + batch * model.inputWidth();
    }

    @Override
    public double value(double[] theta) {
        return model.referenceLoss(params(theta), statistics, pass, batch, input(theta), targets, null, null, null);
    }

    @Override
    public double value(double[] theta, KinkSignature kinks) {
        return model.referenceLoss(params(theta), statistics, pass, batch, input(theta), targets, null, null, kinks);
    }

    @Override
    public boolean tracksKinks() {
        return true;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double[] dParams = new double[parameterCount];
        double[] dInput = new double[batch * model.inputWidth()];
        double v = model.referenceLoss(params(theta), statistics, pass, batch, input(theta), targets, dParams, dInput,
                null);
        System.arraycopy(dParams, 0, gradient, 0, parameterCount);
        System.arraycopy(dInput, 0, gradient, parameterCount, dInput.length);
        return v;
    }

    private double[] params(double[] theta) {
        return java.util.Arrays.copyOf(theta, parameterCount);
    }

    private double[] input(double[] theta) {
        return java.util.Arrays.copyOfRange(theta, parameterCount, theta.length);
    }

    /** Convenience: entry-mode check of the model at its current parameters on the given rows. */
    public static GradientCheckReport check(Sequential model, int batch, float[] x, int xOff, Targets targets,
                                            Pass pass, GradientCheck.Options options) {
        ModelObjective f = new ModelObjective(model, batch, targets, pass);
        return GradientCheck.check(f, f.point(x, xOff), f.blocks(), options);
    }
}
