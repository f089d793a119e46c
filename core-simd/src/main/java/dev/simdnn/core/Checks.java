package dev.simdnn.core;

/**
 * Argument checks shared by the public facades. Every message names the argument and the numbers, so a
 * caller can see which shape was wrong without a debugger. Kernels behind the facades assume valid input.
 */
public final class Checks {
    private Checks() {}

    /** Throws unless {@code value >= 0}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code array} is non-null. */
    public static <T> T notNull(String name, T array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return array;
    }

    /**
     * Throws unless elements {@code offset .. offset + count - 1} lie inside an array of {@code arrayLength}.
     * {@code count == 0} needs only a valid offset ({@code 0 <= offset <= arrayLength}).
     */
    public static void range(String name, int arrayLength, int offset, long count) {
        if (offset < 0) {
            throw new IllegalArgumentException(name + ": offset must be >= 0, got " + offset);
        }
        if (count < 0) {
            throw new IllegalArgumentException(name + ": element count must be >= 0, got " + count);
        }
        if (offset + count > arrayLength) {
            throw new IllegalArgumentException(name + ": offset " + offset + " + " + count
                    + " elements exceeds its length " + arrayLength);
        }
    }

    /** Throws unless {@code x} is finite, naming it: for hyper-parameters where NaN would spread silently. */
    public static double finite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, got " + x);
        }
        return x;
    }
}
