package dev.simdnn.optim.schedule;

/**
 * Reduces the learning rate when a monitored metric stops improving (PyTorch {@code ReduceLROnPlateau}, relative
 * threshold mode). Stateful: call {@link #observe(double)} once per evaluation (typically per epoch) and read
 * {@link #rate()}.
 *
 * <table>
 *   <caption>Defaults (PyTorch's)</caption>
 *   <tr><th>parameter</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>factor</td><td>{@value #DEFAULT_FACTOR}</td><td>rate ← max(rate·factor, minimum)</td></tr>
 *   <tr><td>patience</td><td>{@value #DEFAULT_PATIENCE}</td><td>evaluations without improvement tolerated</td></tr>
 *   <tr><td>threshold</td><td>{@value #DEFAULT_THRESHOLD}</td><td>improvement means value &lt; best·(1 − threshold) (min mode)</td></tr>
 *   <tr><td>cooldown</td><td>{@value #DEFAULT_COOLDOWN}</td><td>evaluations ignored after a reduction</td></tr>
 * </table>
 */
public final class ReduceOnPlateau {
    public static final double DEFAULT_FACTOR = 0.1;
    public static final int DEFAULT_PATIENCE = 10;
    public static final double DEFAULT_THRESHOLD = 1e-4;
    public static final int DEFAULT_COOLDOWN = 0;

    private final boolean minimise;
    private final double factor, threshold, minimum;
    private final int patience, cooldown;
    private double rate, best;
    private int badEvaluations, cooldownLeft;

    /**
     * @param minimise true when smaller metric values are better (a loss), false for an accuracy
     */
    public ReduceOnPlateau(double initialRate, boolean minimise, double factor, int patience, double threshold,
                           int cooldown, double minimum) {
        Schedules.checkRate("initial", initialRate);
        Schedules.checkRate("minimum", minimum);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("Invalid factor: " + factor + " (must be in (0, 1))");
        }
        if (patience < 0 || cooldown < 0) {
            throw new IllegalArgumentException("patience and cooldown must be >= 0, got " + patience + ", " + cooldown);
        }
        Schedules.checkNonNegative("threshold", threshold);
        this.rate = initialRate;
        this.minimise = minimise;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.minimum = minimum;
        this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** With PyTorch's defaults, minimising. */
    public ReduceOnPlateau(double initialRate) {
        this(initialRate, true, DEFAULT_FACTOR, DEFAULT_PATIENCE, DEFAULT_THRESHOLD, DEFAULT_COOLDOWN, 0);
    }

    /** Records one evaluation of the metric and returns the (possibly reduced) rate. */
    public double observe(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("the monitored metric is NaN");
        }
        boolean better = minimise ? value < best * (1 - threshold) : value > best * (1 + threshold);
        if (best == (minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)) {
            better = true;
        }
        if (better) {
            best = value;
            badEvaluations = 0;
        } else {
            badEvaluations++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEvaluations = 0;
        }
        if (badEvaluations > patience) {
            rate = Math.max(rate * factor, minimum);
            cooldownLeft = cooldown;
            badEvaluations = 0;
        }
        return rate;
    }

    /** The current learning rate. */
    public double rate() {
        return rate;
    }
}
