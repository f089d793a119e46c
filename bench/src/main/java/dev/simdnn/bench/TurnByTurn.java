package dev.simdnn.bench;

/**
 * Sides timed turn by turn in one JVM, best turn each: the timing of {@code bench/run gemm-best} and
 * {@code elementwise-best}. Each round runs every side {@code calls} times in a row, one side after another, so all
 * sides see the same phases of this shared machine and their ratio holds even when its speed moves.
 */
public final class TurnByTurn {
    private TurnByTurn() {}

    /** Runs the sides one after another until {@code nanos} have passed: C2 compiles them before the timed turns. */
    public static void warmUp(long nanos, Runnable... sides) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            for (Runnable side : sides) {
                side.run();
            }
        }
    }

    /** Each side's best nanoseconds per call over {@code rounds} rounds of {@code calls} calls per side. */
    public static double[] bestNanosPerCall(int rounds, int calls, Runnable... sides) {
        double[] best = new double[sides.length];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < sides.length; s++) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sides[s].run();
                }
                best[s] = Math.min(best[s], (double) (System.nanoTime() - start) / calls);
            }
        }
        return best;
    }
}
