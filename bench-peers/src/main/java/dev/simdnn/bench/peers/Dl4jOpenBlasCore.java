package dev.simdnn.bench.peers;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Gives DL4J's OpenBLAS the kernels this CPU can run, before ND4J loads it.
 *
 * <p>nd4j-native 1.0.0-M2.1 bundles OpenBLAS 0.3.19 (2022), which does not know AMD Zen 5 (CPU family 26): left to
 * itself it picks its "Barcelona" core, SSE3 kernels, and DL4J's training step runs at half speed (measured on
 * Zen 5, 2026-12-01: 6.2k instead of 14–15k samples/s at batch 256). A peer made slow is a result we cannot claim,
 * so unless {@code OPENBLAS_CORETYPE} is already set, this sets it in the process environment (libc's
 * {@code setenv}; OpenBLAS reads it when it loads) to the core the newest OpenBLAS (0.3.31, our GEMM peer) chooses
 * from the same CPU flags: Cooperlake with AVX-512 BF16, SkylakeX with AVX-512, Zen with AVX2.
 */
final class Dl4jOpenBlasCore {
    private static final String VARIABLE = "OPENBLAS_CORETYPE";

    private Dl4jOpenBlasCore() {}

    /** Sets the core type if it is unset and the CPU flags name one; call before anything touches ND4J. */
    static void choose() {
        if (System.getenv(VARIABLE) != null) {
            return;
        }
        coreForFlags(cpuFlags()).ifPresent(Dl4jOpenBlasCore::setenv);
    }

    /** The core OpenBLAS 0.3.31 chooses on an x86-64 CPU with these {@code /proc/cpuinfo} flags. */
    static Optional<String> coreForFlags(List<String> flags) {
        if (flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl")) {
            return Optional.of(flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX");
        }
        return flags.contains("avx2") ? Optional.of("Zen") : Optional.empty();
    }

    /** The core the loaded OpenBLAS reports ({@code openblas_get_corename}), or "unknown". */
    static String loadedCore() {
        try {
            MemorySegment function = SymbolLookup.libraryLookup("libopenblas.so.0", Arena.global())
                    .find("openblas_get_corename").orElseThrow();
            MethodHandle corename = Linker.nativeLinker().downcallHandle(function,
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            MemorySegment name = (MemorySegment) corename.invokeExact();
            return name.reinterpret(64).getString(0);
        } catch (Throwable e) {
            return "unknown (" + e + ")";
        }
    }

    private static List<String> cpuFlags() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")))
                    .orElse(List.of());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void setenv(String core) {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int status = (int) setenv.invokeExact(arena.allocateFrom(VARIABLE), arena.allocateFrom(core), 1);
            if (status != 0) {
                throw new IllegalStateException("setenv(" + VARIABLE + ", " + core + ") returned " + status);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
