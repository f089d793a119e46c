package dev.simdnn.layers;

import dev.simdnn.core.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer health figures of a model after a pass (reference notes B12, textbook §3.4): the L2 norms of the
 * layer's weights and gradients (vanishing or exploding gradients show as ratios across layers), statistics of its
 * output over the batch, and for ReLU outputs the fraction of dead units (zero for every row of the batch, the
 * "dying ReLU" of textbook F13).
 *
 * @param layers one entry per layer, in order
 */
public record Diagnostics(List<LayerStats> layers) {
    /**
     * @param name           the layer
     * @param weightNorm     L2 norm of its trainable parameters (0 without any)
     * @param gradientNorm   L2 norm of their gradients
     * @param mean           mean of its outputs over the batch
     * @param std            their standard deviation
     * @param min            smallest output
     * @param max            largest output
     * @param zeroFraction   fraction of outputs exactly 0
     * @param deadFraction   for ReLU outputs, fraction of units that are 0 for every row; NaN for other layers
     */
    public record LayerStats(String name, double weightNorm, double gradientNorm, double mean, double std, double min,
                             double max, double zeroFraction, double deadFraction) {}

    /** The figures of {@code model} from the outputs in {@code ws} (its last pass on {@code batch} rows). */
    public static Diagnostics of(Sequential model, Workspace ws, int batch) {
        if (batch < 1 || batch > ws.capacity()) {
            throw new IllegalArgumentException("batch must be in [1, " + ws.capacity() + "], got " + batch);
        }
        List<LayerStats> stats = new ArrayList<>();
        float[] params = model.parameters(), grads = ws.gradients() != null ? ws.gradients() : model.gradients();
        for (int i = 0; i < model.layers().size(); i++) {
            Layer layer = model.layers().get(i);
            double w2 = 0, g2 = 0;
            for (ParameterTensor t : model.parameterTensors()) {
                if (t.name().startsWith(layer.name() + ".")) {
                    for (int k = t.offset(); k < t.offset() + t.length(); k++) {
                        w2 += (double) params[k] * params[k];
                        g2 += (double) grads[k] * grads[k];
                    }
                }
            }
            int width = layer.outputWidth(), n = batch * width;
            float[] out = ws.output(i);
            double sum = 0, sq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            int zeros = 0;
            for (int k = 0; k < n; k++) {
                double v = out[k];
                sum += v;
                sq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                zeros += v == 0 ? 1 : 0;
            }
            double mean = sum / n;
            double dead = Double.NaN;
            if (reluOutput(layer)) {
                int deadUnits = 0;
                for (int u = 0; u < width; u++) {
                    boolean alive = false;
                    for (int r = 0; r < batch && !alive; r++) {
                        alive = out[r * width + u] != 0;
                    }
                    deadUnits += alive ? 0 : 1;
                }
                dead = (double) deadUnits / width;
            }
            stats.add(new LayerStats(layer.name(), Math.sqrt(w2), Math.sqrt(g2), mean,
                    Math.sqrt(Math.max(0, sq / n - mean * mean)), min, max, (double) zeros / n, dead));
        }
        return new Diagnostics(stats);
    }

    private static boolean reluOutput(Layer layer) {
        return layer instanceof Dense d && d.activation() == Activation.RELU
                || layer instanceof ActivationLayer a && a.activation() == Activation.RELU;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s %10s %9s %9s %9s %9s %6s %6s%n",
                "layer", "|W|", "|dW|", "mean", "std", "min", "max", "zero", "dead"));
        for (LayerStats s : layers) {
            sb.append(String.format(Locale.ROOT, "%-12s %10.4g %10.4g %9.3g %9.3g %9.3g %9.3g %6.3f %6s%n", s.name(),
                    s.weightNorm(), s.gradientNorm(), s.mean(), s.std(), s.min(), s.max(), s.zeroFraction(),
                    Double.isNaN(s.deadFraction()) ? "-" : String.format(Locale.ROOT, "%.3f", s.deadFraction())));
        }
        return sb.toString();
    }
}
