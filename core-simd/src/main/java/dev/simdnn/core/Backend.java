package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;

/**
 * Which implementation of the kernels runs: the {@code jdk.incubator.vector} one or its plain-Java twin.
 *
 * <p>The choice is made once, when the kernels are first used. {@code -Dsimdnn.backend=scalar|panama}
 * states a preference (default: {@code panama} where it can run); {@code -Dsimdnn.requireBackend=...}
 * turns a different outcome into an error, so that a test run that silently fell back fails.
 */
public enum Backend {
    /** Plain Java loops: always available, and the reference the Vector API kernels are tested against. */
    SCALAR,
    /** {@code jdk.incubator.vector} kernels: needs {@code --add-modules jdk.incubator.vector} and C2. */
    PANAMA;

    /** Returns the backend that the facades ({@link Blas1}, {@link Gemm}, ...) use in this JVM. */
    public static Backend active() {
        return KernelProviders.active().backend();
    }
}
