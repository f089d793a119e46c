package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a class's {@code main} in a new JVM of the test run's own JDK and class path: for tests of what a fresh JVM,
 * whose kernels start in the interpreter, computes (core-simd's {@code TierIndependenceTest}, optim's
 * {@code FreshJvmDeterminismTest}).
 */
public final class FreshJvm {
    private FreshJvm() {}

    /** Exit code and the merged standard output and error of the run. */
    public record Result(int exitCode, String output) {}

    /**
     * Runs {@code main} on the backend of this test run: with the Vector API module and the Panama backend required
     * when this JVM has them, else without the module (the scalar twins).
     */
    public static Result runOnThisBackend(Class<?> main) throws IOException, InterruptedException {
        return run(KernelProviders.panamaAvailable()
                ? List.of("--add-modules", "jdk.incubator.vector", "-Dsimdnn.requireBackend=panama")
                : List.of(), main);
    }

    /** Runs {@code main} with {@code jvmArgs} before the class path and waits for it. */
    public static Result run(List<String> jvmArgs, Class<?> main) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        return new Result(p.waitFor(), output);
    }
}
