package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results do not depend on the JIT tier a call meets: in a fresh JVM ({@link TierIndependenceProbe}) each kernel's
 * first, interpreted call gives the same bits as a call after C2 has compiled it. This failed for the Vector API's
 * {@code lanewise(EXP/TANH)} (SVML in C2, Math before) and {@code reduceLanes(ADD)} (a different order in C2),
 * which FloatMath and PanamaReductions replace. Runs the backend of this test run (with the module when it is there).
 */
class TierIndependenceTest {
    @Test
    void firstInterpretedCallsGiveTheBitsOfCompiledCalls() throws Exception {
        boolean panama = KernelProviders.panamaAvailable();
        FreshJvm.Result run = FreshJvm.runOnThisBackend(TierIndependenceProbe.class);
        String output = run.output();
        assertEquals(0, run.exitCode(), output);
        assertTrue(output.contains(panama ? "simdnn PANAMA" : "simdnn SCALAR"), output);
        assertTrue(output.contains("tier-independent: 10 of 10"), output);
    }
}
