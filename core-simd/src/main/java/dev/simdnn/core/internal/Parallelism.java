package dev.simdnn.core.internal;

/**
 * How many threads the kernels use by default: {@code -Dsimdnn.threads=N}, else the available processors.
 * Results never depend on it (kernels split work so that every element is computed the same way).
 */
public final class Parallelism {
    /** System property that sets the default thread count. */
    public static final String THREADS_PROPERTY = "simdnn.threads";

    private static volatile int threads = initialThreads();

    private Parallelism() {}

    private static int initialThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + value + " is not a positive integer");
    }

    /** The default thread count. */
    public static int threads() {
        return threads;
    }

    /** Sets the default thread count (≥ 1). */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
    }
}
