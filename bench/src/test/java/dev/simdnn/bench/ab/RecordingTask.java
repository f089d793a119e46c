package dev.simdnn.bench.ab;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A {@link SameJvm} task for {@link SameJvmTest}: made under its side's system property {@code simdnn.test.side},
 * it appends that side's name to a list shared through the system properties (a JDK object, the same for every
 * class loader) on each turn, and reports one nanosecond per step; with {@code simdnn.test.slowAfterFirst} set, three
 * on every turn but its first (a side that is as fast at its best, and slower most of the time).
 */
public final class RecordingTask implements LongUnaryOperator {
    static final String LOG = "simdnn.test.turns";
    private final String side;
    private final boolean slowAfterFirst = Boolean.getBoolean("simdnn.test.slowAfterFirst");
    private int turns;

    public RecordingTask(Integer batch) {
        side = System.getProperty("simdnn.test.side");
        if (side == null) {
            throw new IllegalStateException("the side's properties are not set while its task is made");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public long applyAsLong(long steps) {
        ((List<String>) System.getProperties().get(LOG)).add(side);
        return slowAfterFirst && turns++ > 0 ? 3 * steps : steps;
    }
}
