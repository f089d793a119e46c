package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;

import java.util.Optional;

/** What this JVM runs the kernels on: backend, vector width, and why the Vector API is off if it is. */
public final class Simd {
    private Simd() {}

    /** The active backend; same as {@link Backend#active()}. */
    public static Backend backend() {
        return Backend.active();
    }

    /** Width of the vectors the active kernels use, in bits (32 for the scalar twins: one float). */
    public static int vectorBitSize() {
        return KernelProviders.active().vectorBitSize();
    }

    /** Why the Vector API kernels are not active, or empty when they are. */
    public static Optional<String> fallbackReason() {
        return KernelProviders.fallbackReason();
    }

    /**
     * One line for logs and benchmark records, e.g.
     * {@code simdnn PANAMA: 512-bit vectors (float x16, double x8), FMA; JVM 25.0.3 OpenJDK 64-Bit Server VM}.
     */
    public static String describe() {
        String reason = fallbackReason().map(r -> " (Vector API off: " + r + ")").orElse("");
        return "simdnn " + backend() + ": " + KernelProviders.active().describe() + reason
                + "; JVM " + System.getProperty("java.vm.version") + " " + System.getProperty("java.vm.name");
    }
}
