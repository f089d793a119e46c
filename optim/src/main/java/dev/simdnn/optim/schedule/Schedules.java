package dev.simdnn.optim.schedule;

import java.util.function.LongToDoubleFunction;

/** Construction helpers of {@link Schedule}: argument checks and the one implementation class. */
final class Schedules {
    private Schedules() {}

    static Schedule of(Schedule.Unit unit, LongToDoubleFunction f) {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null: say whether t counts epochs or iterations");
        }
        return new Schedule() {
            @Override
            public double rate(long t) {
                if (t < 0) {
                    throw new IllegalArgumentException("t must be >= 0, got " + t);
                }
                return f.applyAsDouble(t);
            }

            @Override
            public Unit unit() {
                return unit;
            }
        };
    }

    static void checkRate(String name, double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("Invalid " + name + " learning rate: " + rate + " (must be finite and >= 0)");
        }
    }

    static void checkNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be finite and >= 0)");
        }
    }
}
