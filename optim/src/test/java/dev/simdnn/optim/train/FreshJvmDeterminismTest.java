package dev.simdnn.optim.train;

import dev.simdnn.core.FreshJvm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same training gives the same parameter bits in a fresh JVM, where the kernels start in the interpreter, and in
 * this one, where they have other JIT histories: no result may depend on the tier a call meets (exp/tanh and lane
 * sums did until 2026-12-01, see core-simd's TierIndependenceTest).
 */
class FreshJvmDeterminismTest {
    @Test
    void aFreshJvmTrainsTheSameParameterBits() throws Exception {
        FreshJvm.Result run = FreshJvm.run(List.of("--add-modules", "jdk.incubator.vector"), FreshJvmTraining.class);
        String output = run.output();
        assertEquals(0, run.exitCode(), output);
        long here = FreshJvmTraining.digest();
        assertTrue(output.contains("parameter digest: " + here), "here " + here + ", fresh JVM: " + output);
    }
}
