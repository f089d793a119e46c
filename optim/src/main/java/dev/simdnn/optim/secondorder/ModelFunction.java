package dev.simdnn.optim.secondorder;

import dev.simdnn.layers.Pass;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.Workspace;
import dev.simdnn.layers.loss.Targets;
import dev.simdnn.optim.data.Dataset;

/**
 * A model's full-batch training loss as a function of its parameter buffer (lectures M4: second-order and
 * quasi-Newton methods need full or very large batches): the mean loss over the whole data set and its gradient,
 * from the float production path (forward and backward over equal chunks of the data), widened to double.
 * Every evaluation is a training pass at the same step, so dropout masks stay fixed and f is a deterministic
 * function of x (batch norm, if any, uses each chunk's statistics). Evaluating at x writes x into the model.
 */
public final class ModelFunction implements DifferentiableFunction {
    private final Sequential model;
    private final Dataset data;
    private final Workspace workspace;
    private final Pass pass = new Pass();
    private final int chunk;

    /**
     * @param chunk rows per forward/backward pass; must divide the data set's rows (so every chunk's mean weighs
     *              the same), or be at least the data set's size
     */
    public ModelFunction(Sequential model, Dataset data, int chunk) {
        if (data.width() != model.inputWidth()) {
            throw new IllegalArgumentException(data.name() + " has " + data.width() + " features, the model expects "
                    + model.inputWidth());
        }
        int n = data.rows();
        this.chunk = Math.min(chunk, n);
        if (n % this.chunk != 0) {
            throw new IllegalArgumentException("chunk " + chunk + " does not divide the " + n + " rows of "
                    + data.name());
        }
        this.model = model;
        this.data = data;
        this.workspace = model.newWorkspace(this.chunk, model.gradients());
    }

    @Override
    public int dimension() {
        return model.parameterCount();
    }

    /** The model's current parameters as a point. */
    public double[] point() {
        float[] p = model.parameters();
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = p[i];
        }
        return x;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        float[] p = model.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) x[i];
        }
        model.zeroGradients();
        int n = data.rows();
        double weight = (double) chunk / n, loss = 0;
        for (int r = 0; r < n; r += chunk) {
            loss += weight * model.computeGradients(workspace, pass.set(true, 0, r), chunk, data.features(),
                    r * data.width(), Targets.labels(data.labels(), r), 0, false);
        }
        float[] g = model.gradients();
        for (int i = 0; i < g.length; i++) {
            gradient[i] = g[i] * weight;
        }
        return loss;
    }
}
