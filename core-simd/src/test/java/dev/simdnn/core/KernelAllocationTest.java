package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Steady state allocates nothing, on any thread, in a JVM that has run every kernel family
 * ({@link KernelAllocationProbe}, in a fresh JVM so that the profile is the probe's own). Boxed vectors are what
 * would allocate: a kernel C2 did not fully inline. This failed for the activation kernels while all nine loops
 * were in one method, past C2's node-count cut-off for inlining (13 of the 18 loops allocated, in every JVM).
 */
class KernelAllocationTest {
    @Test
    void noKernelAllocatesAfterEveryKernelRan() throws Exception {
        // The C1-only test run would start the same fresh scalar JVM as the scalar run (30 s on two cores).
        assumeFalse("C1".equals(System.getProperty("simdnn.test.fallbackMentions")), "the scalar run covers it");
        FreshJvm.Result run = FreshJvm.runOnThisBackend(KernelAllocationProbe.class);
        assertEquals(0, run.exitCode(), run.output());
        String backend = KernelProviders.panamaAvailable() ? "simdnn PANAMA" : "simdnn SCALAR";
        assertTrue(run.output().contains(backend), run.output());
        assertTrue(run.output().lines().anyMatch("allocating: none"::equals), run.output());
    }

    /**
     * The same without tiered compilation (C2 alone, profiles from the interpreter): every GEMM call allocated 48
     * bytes there, an error message built before the check that needed it.
     */
    @Test
    void noKernelAllocatesWithoutTieredCompilation() throws Exception {
        assumeTrue(KernelProviders.panamaAvailable(), "the Vector API run covers it");
        FreshJvm.Result run = FreshJvm.run(List.of("--add-modules", "jdk.incubator.vector",
                "-Dsimdnn.requireBackend=panama", "-XX:-TieredCompilation"), KernelAllocationProbe.class);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("simdnn PANAMA"), run.output());
        assertTrue(run.output().lines().anyMatch("allocating: none"::equals), run.output());
    }
}
