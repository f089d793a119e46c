package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;

import java.util.ArrayList;
import java.util.List;

/**
 * The providers a twin test runs on: always the scalar twins, and the Vector API kernels whenever this JVM
 * can run them. In the normal test run {@code -Dsimdnn.requireBackend=panama} guarantees that they can, so
 * the Vector API kernels are never skipped there; only the scalar-fallback run leaves them out.
 */
public final class TwinProviders {
    private TwinProviders() {}

    /** Lengths that hit every tail of 4-, 8-, 16- and 32-wide loops (DESIGN.md's list). */
    public static final int[] SIZES = {0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 127, 255, 257, 1021, 1024, 4099};

    public static List<KernelProvider> all() {
        List<KernelProvider> providers = new ArrayList<>();
        providers.add(KernelProviders.scalar());
        if (KernelProviders.panamaAvailable()) {
            providers.add(KernelProviders.panama());
        }
        return providers;
    }
}
