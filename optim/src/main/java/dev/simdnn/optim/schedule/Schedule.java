package dev.simdnn.optim.schedule;

/**
 * A learning rate as a function of a counter t = 0, 1, 2, ... The counter's unit is part of the schedule
 * ({@link #unit()}): "k = 0.01 per epoch" and "per iteration" differ by the number of batches per epoch, a
 * factor the lectures leave implicit (trap P16), so every schedule says which one it means.
 */
public interface Schedule {
    /** What t counts. */
    enum Unit { EPOCH, ITERATION }

    /** The learning rate at t ≥ 0. */
    double rate(long t);

    /** What t counts for this schedule. */
    Unit unit();

    /** α₀ for all t. */
    static Schedule constant(double rate, Unit unit) {
        Schedules.checkRate("rate", rate);
        return Schedules.of(unit, t -> rate);
    }

    /** α₀·e^(−kt) (lectures B9). */
    static Schedule exponential(double initial, double k, Unit unit) {
        Schedules.checkRate("initial", initial);
        Schedules.checkNonNegative("k", k);
        return Schedules.of(unit, t -> initial * Math.exp(-k * t));
    }

    /** α₀/(1 + kt) (inverse decay). */
    static Schedule inverse(double initial, double k, Unit unit) {
        Schedules.checkRate("initial", initial);
        Schedules.checkNonNegative("k", k);
        return Schedules.of(unit, t -> initial / (1 + k * t));
    }

    /** α₀/(t + 1)². */
    static Schedule inverseSquare(double initial, Unit unit) {
        Schedules.checkRate("initial", initial);
        return Schedules.of(unit, t -> initial / ((t + 1.0) * (t + 1.0)));
    }

    /** Linear from α₀ to α_τ over τ steps, then α_τ: α_t = (1 − t/τ)α₀ + (t/τ)α_τ for t < τ. */
    static Schedule linearThenConstant(double initial, double last, long tau, Unit unit) {
        Schedules.checkRate("initial", initial);
        Schedules.checkRate("last", last);
        if (tau < 1) {
            throw new IllegalArgumentException("tau must be >= 1, got " + tau);
        }
        return Schedules.of(unit, t -> t >= tau ? last : (1 - (double) t / tau) * initial + (double) t / tau * last);
    }

    /** α₀·γ^⌊t/stepSize⌋ (PyTorch {@code StepLR}, γ default 0.1 there). */
    static Schedule step(double initial, long stepSize, double gamma, Unit unit) {
        Schedules.checkRate("initial", initial);
        if (stepSize < 1) {
            throw new IllegalArgumentException("stepSize must be >= 1, got " + stepSize);
        }
        Schedules.checkNonNegative("gamma", gamma);
        return Schedules.of(unit, t -> initial * Math.pow(gamma, t / stepSize));
    }

    /** η_min + ½(α₀ − η_min)(1 + cos(π·t/T)) for t ≤ T, η_min after (PyTorch {@code CosineAnnealingLR}, one cycle). */
    static Schedule cosine(double initial, double minimum, long period, Unit unit) {
        Schedules.checkRate("initial", initial);
        Schedules.checkRate("minimum", minimum);
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        return Schedules.of(unit, t -> t >= period ? minimum
                : minimum + 0.5 * (initial - minimum) * (1 + Math.cos(Math.PI * t / period)));
    }

    /**
     * Linear warm-up over the first {@code steps} counts, then this schedule shifted to start at 0:
     * rate(t) = after.rate(0)·(t + 1)/steps for t &lt; steps, after.rate(t − steps) afterwards.
     */
    default Schedule withWarmup(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("warm-up steps must be >= 0, got " + steps);
        }
        Schedule after = this;
        return Schedules.of(unit(), t -> t < steps ? after.rate(0) * (t + 1) / steps : after.rate(t - steps));
    }
}
