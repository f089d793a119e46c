package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build runs core-simd's tests twice: with {@code --add-modules jdk.incubator.vector} and
 * {@code -Dsimdnn.requireBackend=panama}; without the module and {@code =scalar}; and (this class only) with
 * the module on a C1-only JVM, again {@code =scalar}. Each run must be on the path it claims, or every other
 * test of the run proves nothing, and a fallback must say why.
 */
class BackendSelectionTest {

    private static Backend expected() {
        String required = System.getProperty(KernelProviders.REQUIRE_PROPERTY);
        assertNotNull(required, "the build must set -D" + KernelProviders.REQUIRE_PROPERTY);
        return Backend.valueOf(required.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void theActiveBackendIsTheOneThisRunRequires() {
        assertEquals(expected(), Backend.active(), Simd.describe());
        assertTrue(Simd.describe().contains(expected().name()), Simd.describe());
    }

    @Test
    void vectorRunUsesRealVectorsAndNoFallback() {
        if (expected() != Backend.PANAMA) {
            return; // the fallback run is checked below
        }
        assertTrue(Simd.vectorBitSize() >= 128, Simd.describe());
        assertFalse(Simd.fallbackReason().isPresent(), Simd.describe());
        assertEquals(Backend.PANAMA, KernelProviders.panama().backend());
    }

    @Test
    void fallbackRunSaysWhyAndWhichFlagFixesIt() {
        if (expected() != Backend.SCALAR) {
            return;
        }
        assertEquals(32, Simd.vectorBitSize());
        String reason = Simd.fallbackReason().orElseThrow();
        String mentions = System.getProperty("simdnn.test.fallbackMentions", "");
        assertFalse(mentions.isEmpty(), "the build must say what the fallback reason names");
        assertTrue(reason.contains(mentions), reason);
        assertFalse(KernelProviders.panamaAvailable());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, KernelProviders::panama);
        assertEquals(reason, e.getMessage());
        // The scalar path still computes.
        assertEquals(14f, Blas1.dot(3, new float[] {1, 2, 3}, 0, new float[] {1, 2, 3}, 0));
    }
}
