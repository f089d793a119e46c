package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.MachineInfo;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the element-wise and optimizer-update benchmarks (Vector API and scalar twin), the {@code Math} loops and {@code arraycopy} in
 * one JMH run and prints ns/op, GB/s moved and the target ratios: vector / scalar, vector / Math loop (sigmoid,
 * tanh) and GB/s as a share of arraycopy's on the same number of elements.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.simdnn.bench.elementwise.ElementwiseTable [quick] [REGEX]</pre>
 * REGEX narrows the kernels (e.g. {@code BatchNorm|backwardWithBias}); arraycopy always runs beside them.
 */
public final class ElementwiseTable {
    private ElementwiseTable() {}

    /** Bytes each benchmark moves per element (reads + writes of float arrays). */
    private static final Map<String, Integer> BYTES = Map.ofEntries(
            Map.entry("ActivationBench.forward", 8),
            Map.entry("ActivationBench.backward", 12),
            Map.entry("ActivationBench.backwardWithBiasGradient", 12),
            Map.entry("DropoutBench.forward", 8),
            Map.entry("BatchNormBench.forward", 16),
            Map.entry("BatchNormBench.backward", 20),
            Map.entry("SoftmaxBench.softmax", 8),
            Map.entry("SoftmaxBench.crossEntropyWithGradient", 8),
            Map.entry("MathLoopBench.sigmoidMathExp", 8),
            Map.entry("MathLoopBench.tanhMath", 8),
            Map.entry("UpdateBench.sgdMomentum", 20),
            Map.entry("UpdateBench.adam", 28),
            Map.entry("UpdateBench.adamW", 28),
            Map.entry("UpdateBench.rmsprop", 20));

    public static void main(String[] args) throws RunnerException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        String filter = args.length > 1 ? args[1] : "";
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("dev\\.simdnn\\.bench\\.(elementwise|update)\\..*(" + (filter.isEmpty() ? "" : filter) + ")")
                .include("dev\\.simdnn\\.bench\\.elementwise\\.MathLoopBench\\.arraycopy")
                .forks(1)
                .warmupIterations(quick ? 2 : 3).warmupTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .build()).run();
        print(results);
    }

    private record Key(String bench, String variant, long elements) {}

    private static void print(Collection<RunResult> results) {
        Map<Key, double[]> rows = new LinkedHashMap<>();   // [vector ops/s, scalar ops/s]
        Map<Long, Double> copyGbs = new HashMap<>();
        Map<String, Double> mathLoop = new HashMap<>();   // "sigmoid@n" -> ops/s
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String bench = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            long elements = elements(r);
            double score = r.getPrimaryResult().getScore();
            if (bench.equals("MathLoopBench.arraycopy")) {
                copyGbs.put(elements, score * 8.0 * elements / 1e9);
                continue;
            }
            if (bench.startsWith("MathLoopBench.")) {
                mathLoop.put((bench.endsWith("tanhMath") ? "TANH" : "SIGMOID") + "@" + elements, score);
                continue;
            }
            String variant = r.getParams().getParam("activation") != null ? r.getParams().getParam("activation") : "";
            double[] row = rows.computeIfAbsent(new Key(bench, variant, elements), k -> new double[2]);
            row["SCALAR".equals(r.getParams().getParam("backend")) ? 1 : 0] = score;
        }
        System.out.println();
        System.out.println("Element-wise kernels, " + LocalDate.now() + ", " + MachineInfo.describe());
        System.out.println();
        System.out.println("| kernel | elements | vector ns/op | vector M elements/s | vector GB/s | vector / scalar twin "
                + "| vector / Math loop | % of arraycopy GB/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<Key, double[]> e : rows.entrySet()) {
            Key k = e.getKey();
            double vector = e.getValue()[0], scalar = e.getValue()[1];
            if (vector == 0) {
                continue;
            }
            double gbs = vector * BYTES.get(k.bench) * k.elements / 1e9;
            Double math = k.bench.equals("ActivationBench.forward") ? mathLoop.get(k.variant + "@" + k.elements) : null;
            Double copy = copyGbs.get(k.elements);
            System.out.printf(Locale.ROOT, "| %s %s | %d | %.0f | %.0f | %.1f | %s | %s | %s |%n", k.bench, k.variant,
                    k.elements, 1e9 / vector, vector * k.elements / 1e6, gbs, scalar > 0 ? String.format(Locale.ROOT, "%.1f", vector / scalar) : "–",
                    math != null ? String.format(Locale.ROOT, "%.1f", vector / math) : "–",
                    copy != null ? String.format(Locale.ROOT, "%.0f %%", 100 * gbs / copy) : "–");
        }
        System.out.println();
        System.out.print("arraycopy GB/s:");
        copyGbs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(Locale.ROOT, " %d: %.1f;", e.getKey(), e.getValue()));
        System.out.println();
    }

    private static long elements(RunResult r) {
        String n = r.getParams().getParam("n");
        if (n != null) {
            return Long.parseLong(n);
        }
        String[] shape = r.getParams().getParam("shape").split("x");
        return Long.parseLong(shape[0]) * Long.parseLong(shape[1]);
    }
}
