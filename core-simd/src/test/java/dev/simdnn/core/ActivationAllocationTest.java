package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a JVM that has run every activation, each activation kernel still allocates nothing in steady state
 * ({@link ActivationAllocationProbe}, in a fresh JVM so that the profile is the probe's own). This failed before the
 * kernels had one loop per method: all nine in one method exceeded C2's node-count cut-off for inlining, and the
 * loops parsed after it boxed their vectors (13 of the 18 loops allocated, in every JVM).
 */
class ActivationAllocationTest {
    @Test
    void everyActivationAllocatesNothingAfterAllNineRan() throws Exception {
        boolean panama = KernelProviders.panamaAvailable();
        FreshJvm.Result run = FreshJvm.run(panama
                ? List.of("--add-modules", "jdk.incubator.vector", "-Dsimdnn.requireBackend=panama")
                : List.of(), ActivationAllocationProbe.class);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().lines().anyMatch("allocating: none"::equals), run.output());
    }
}
