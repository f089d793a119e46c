package dev.simdnn.optim.train;

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
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(launcher, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), FreshJvmTraining.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        long here = FreshJvmTraining.digest();
        assertTrue(output.contains("parameter digest: " + here), "here " + here + ", fresh JVM: " + output);
    }
}
