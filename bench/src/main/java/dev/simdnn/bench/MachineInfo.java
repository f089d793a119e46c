package dev.simdnn.bench;

import dev.simdnn.core.Simd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The facts every benchmark figure is recorded with: CPU model and family, cores, JVM, SIMD path. */
public final class MachineInfo {
    private MachineInfo() {}

    /** e.g. {@code AMD EPYC (family 25, model 17), 2 CPUs; JDK 25.0.3; simdnn PANAMA: 512-bit ...}. */
    public static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; " + Simd.describe();
    }

    /** CPU model name and family from /proc/cpuinfo (Zen 4 is family 25, Zen 5 family 26). */
    public static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return field(lines, "model name") + " (family " + field(lines, "cpu family") + ", model "
                    + field(lines, "model") + ")";
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch") + " (no /proc/cpuinfo)";
        }
    }

    /**
     * A file-name id of this machine kind for baselines: {@code family25-model17-2cpu} (CPU family and model
     * from /proc/cpuinfo, the processors this JVM sees).
     */
    public static String id() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return "family" + field(lines, "cpu family") + "-model" + field(lines, "model") + "-"
                    + Runtime.getRuntime().availableProcessors() + "cpu";
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch") + "-" + Runtime.getRuntime().availableProcessors() + "cpu";
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "?";
    }
}
