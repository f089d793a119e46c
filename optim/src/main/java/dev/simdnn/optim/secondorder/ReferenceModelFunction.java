package dev.simdnn.optim.secondorder;

import dev.simdnn.layers.Pass;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.check.ReferenceMath;
import dev.simdnn.layers.loss.Targets;
import dev.simdnn.optim.data.Dataset;

/**
 * A model's full-batch loss over its parameters computed by its double-precision reference path
 * ({@link Sequential#referenceLoss}), with the <b>exact</b> Hessian-vector product by the R-operator
 * ({@link Sequential#referenceHessianVector}): the model-level curvature that Hessian-free optimisation needs
 * (textbook F46). Slower than {@link ModelFunction} (plain double loops), for small models and for checks; the
 * model's own buffers are not touched. Batch norm has no R-operator: such a model throws on {@link #apply}.
 */
public final class ReferenceModelFunction implements DifferentiableFunction, HessianVectorProduct {
    private final Sequential model;
    private final double[] features;
    private final Targets targets;
    private final int rows;
    private final double[] statistics;
    private final Pass pass = Pass.training(0, 0);

    public ReferenceModelFunction(Sequential model, Dataset data) {
        if (data.width() != model.inputWidth()) {
            throw new IllegalArgumentException(data.name() + " has " + data.width() + " features, the model expects "
                    + model.inputWidth());
        }
        this.model = model;
        this.rows = data.rows();
        this.features = ReferenceMath.widen(data.features(), 0, data.features().length);
        this.targets = Targets.labels(data.labels());
        this.statistics = ReferenceMath.widen(model.statistics(), 0, model.statistics().length);
    }

    /** The model's current parameters. */
    public double[] point() {
        return ReferenceMath.widen(model.parameters(), 0, model.parameterCount());
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        return model.referenceLoss(x, statistics, pass, rows, features, targets, gradient, null, null);
    }

    @Override
    public double value(double[] x) {
        return model.referenceLoss(x, statistics, pass, rows, features, targets, null, null, null);
    }

    @Override
    public double[] apply(double[] x, double[] v) {
        return model.referenceHessianVector(x, statistics, pass, rows, features, targets, v);
    }
}
