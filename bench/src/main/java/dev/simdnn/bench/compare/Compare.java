package dev.simdnn.bench.compare;

import dev.simdnn.bench.MachineInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression gate: compares a new JMH result file with a baseline through <b>same-run ratios</b>, because the
 * machines are shared and noisy and absolute figures drift between runs while ratios measured side by side in one
 * run hold:
 * <ul>
 *   <li>the Vector API kernel over its scalar twin (a {@code backend} parameter PANAMA vs SCALAR, or a
 *       {@code FooBench} class vs {@code FooScalarBench});</li>
 *   <li>simdnn over its peer ({@code SgemmBench} vs {@code OpenBlasSgemmBench}, {@code TrainStepBench} vs the
 *       DL4J and DJL/PyTorch step benchmarks, ...), same parameters, simdnn on the Vector path.</li>
 * </ul>
 * Every ratio is "higher is better" (times are inverted). A ratio regresses when it fell by more than the threshold
 * (default 25 %) <b>and</b> by more than its error bars (two standard errors of each score, propagated).
 * Absolute figures are printed for reading, never gated.
 *
 * <pre>bench/compare NEW.json [BASELINE.json] [--threshold 0.25]</pre>
 * The baseline defaults to {@code bench/baselines/<machine>.json}. Exit code 0: no regression; 1: a regression;
 * 2: bad arguments or unreadable files.
 */
public final class Compare {
    /** Default relative drop that counts (if also beyond the error bars). */
    public static final double DEFAULT_THRESHOLD = 0.25;

    /** simdnn class → its peers' classes. */
    static final Map<String, List<String>> PEERS = Map.of(
            "gemm.SgemmBench", List.of("gemm.OpenBlasSgemmBench"),
            "gemm.DgemmBench", List.of("gemm.OpenBlasDgemmBench", "gemm.EjmlDgemmBench", "gemm.OjAlgoDgemmBench"),
            "train.TrainStepBench", List.of("peers.Dl4jTrainStepBench", "peers.DjlTrainStepBench"),
            "train.InferenceBench", List.of("peers.Dl4jInferenceBench", "peers.DjlInferenceBench"));

    private Compare() {}

    /**
     * A same-run ratio.
     *
     * @param key   what it compares
     * @param value ours / reference (higher is better)
     * @param error its error half-width
     */
    record Ratio(String key, double value, double error) {}

    /** The ratios of one run, by key. */
    static Map<String, Ratio> ratios(List<Measurement> run) {
        Map<String, Ratio> out = new LinkedHashMap<>();
        for (Measurement m : run) {
            if ("PANAMA".equals(m.params().get("backend"))) {
                for (Measurement t : run) {
                    if (t.benchmark().equals(m.benchmark()) && "SCALAR".equals(t.params().get("backend"))
                            && t.paramsWithoutBackend().equals(m.paramsWithoutBackend())) {
                        add(out, label(m) + "  vector/scalar", m, t);
                    }
                }
            }
            if (!m.params().containsKey("backend") || "PANAMA".equals(m.params().get("backend"))) {
                String scalarClass = m.className().replaceAll("Bench$", "ScalarBench");
                for (Measurement t : run) {
                    if (t.className().equals(scalarClass) && t.method().equals(m.method())
                            && t.params().equals(m.params())) {
                        add(out, label(m) + "  vector/scalar", m, t);
                    }
                }
                for (String peer : PEERS.getOrDefault(m.className(), List.of())) {
                    for (Measurement t : run) {
                        if (t.className().equals(peer) && t.paramsWithoutBackend().equals(m.paramsWithoutBackend())) {
                            add(out, label(m) + "  simdnn/" + peer.substring(peer.lastIndexOf('.') + 1), m, t);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String label(Measurement m) {
        StringBuilder sb = new StringBuilder(m.benchmark());
        m.paramsWithoutBackend().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    private static void add(Map<String, Ratio> out, String key, Measurement ours, Measurement ref) {
        double r = ours.speed() / ref.speed();
        double rel = Math.hypot(ours.error() / ours.speed(), ref.error() / ref.speed());
        out.put(key, new Ratio(key, r, Double.isFinite(rel) ? r * rel : 0));
    }

    /** One gated row. */
    record Row(String key, double baseline, double now, double change, double error, String verdict) {}

    /** The gated rows: every ratio of either run. */
    static List<Row> gate(Map<String, Ratio> baseline, Map<String, Ratio> now, double threshold) {
        List<Row> rows = new ArrayList<>();
        for (Ratio n : now.values()) {
            Ratio b = baseline.get(n.key());
            if (b == null) {
                rows.add(new Row(n.key(), Double.NaN, n.value(), Double.NaN, n.error(), "new"));
                continue;
            }
            double error = Math.hypot(b.error(), n.error()), change = n.value() / b.value();
            String verdict = change < 1 - threshold && b.value() - n.value() > error ? "REGRESSION"
                    : change > 1 + threshold && n.value() - b.value() > error ? "improved" : "ok";
            rows.add(new Row(n.key(), b.value(), n.value(), change, error, verdict));
        }
        for (Ratio b : baseline.values()) {
            if (!now.containsKey(b.key())) {
                rows.add(new Row(b.key(), b.value(), Double.NaN, Double.NaN, b.error(), "missing"));
            }
        }
        return rows;
    }

    /** Runs the comparison and prints the tables; returns the exit code. */
    static int run(List<Measurement> baseline, List<Measurement> now, double threshold, PrintStream out) {
        List<Row> rows = gate(ratios(baseline), ratios(now), threshold);
        out.println("Same-run ratios (gated: a drop beyond " + Math.round(threshold * 100)
                + " % and beyond the error bars is a regression)");
        out.printf(Locale.ROOT, "| %-96s | %9s | %9s | %8s | %7s | %-10s |%n", "ratio", "baseline", "now",
                "now/base", "±error", "verdict");
        out.println("|" + "-".repeat(98) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|" + "-".repeat(10) + "|"
                + "-".repeat(9) + "|" + "-".repeat(12) + "|");
        int regressions = 0;
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %-96s | %9.3f | %9.3f | %8.2f | %7.3f | %-10s |%n", r.key(), r.baseline(),
                    r.now(), r.change(), r.error(), r.verdict());
            regressions += r.verdict().equals("REGRESSION") ? 1 : 0;
        }
        out.println();
        out.println("Absolute figures (reported, not gated: the machine is shared)");
        out.printf(Locale.ROOT, "| %-96s | %-10s | %12s | %12s | %8s |%n", "benchmark", "unit", "baseline", "now",
                "now/base");
        for (Measurement n : now) {
            Measurement b = baseline.stream().filter(m -> m.label().equals(n.label())).findFirst().orElse(null);
            out.printf(Locale.ROOT, "| %-96s | %-10s | %12.4g | %12.4g | %8.2f |%n", n.label(),
                    n.unit() + (n.mode().equals("sample") ? " p50" : ""), b == null ? Double.NaN : b.score(),
                    n.score(), b == null ? Double.NaN : n.score() / b.score());
        }
        out.println();
        out.println(regressions == 0 ? "no regression" : regressions + " regression" + (regressions > 1 ? "s" : ""));
        return regressions == 0 ? 0 : 1;
    }

    /** The default baseline of this machine: {@code bench/baselines/<machine>.json}. */
    static Path defaultBaseline(Path root) {
        return root.resolve("bench").resolve("baselines").resolve(MachineInfo.id() + ".json");
    }

    public static void main(String[] args) {
        System.exit(main(args, System.out, System.err));
    }

    static int main(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        double threshold = DEFAULT_THRESHOLD;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threshold") && i + 1 < args.length) {
                try {
                    threshold = Double.parseDouble(args[++i]);
                } catch (NumberFormatException e) {
                    threshold = Double.NaN;
                }
                if (!(threshold > 0 && threshold < 1)) {
                    err.println("compare: --threshold must be in (0, 1), got " + args[i]);
                    return 2;
                }
            } else {
                files.add(args[i]);
            }
        }
        if (files.isEmpty() || files.size() > 2) {
            err.println("usage: bench/compare NEW.json [BASELINE.json] [--threshold 0.25]");
            return 2;
        }
        Path base = files.size() == 2 ? Path.of(files.get(1))
                : defaultBaseline(Path.of(System.getProperty("simdnn.root", ".")));
        try {
            out.println("baseline " + base + ", now " + files.getFirst());
            return run(Measurement.read(Files.readString(base)), Measurement.read(Files.readString(
                    Path.of(files.getFirst()))), threshold, out);
        } catch (IOException | RuntimeException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
    }
}
