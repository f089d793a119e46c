package dev.simdnn.bench.gemm;

import dev.simdnn.bench.MachineInfo;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs simdnn's GEMM, the scalar twin and OpenBLAS on the same shapes in one JMH run and prints GFLOPS with
 * the ratios to OpenBLAS (a Markdown table for bench/README.md).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.simdnn.bench.gemm.GemmTable [square|mlp|dgemm|all] [threads,...] [quick]
 * </pre>
 * MLP shapes: batch B x (K, N) of a Dense layer in the three backprop forms: forward Y = X·W (NN: B x N x K),
 * input gradient dX = dY·Wᵀ (NT: B x K x N), weight gradient dW = Xᵀ·dY (TN: K x N x B).
 */
public final class GemmTable {
    private GemmTable() {}

    /** Largest product the scalar twin is timed on (2·512³ flops: ~30 ms per call). */
    private static final double SCALAR_MAX_FLOPS = 2.0 * 512 * 512 * 512;

    static List<String> squareShapes() {
        List<String> shapes = new ArrayList<>();
        for (int n : new int[] {256, 512, 1024, 2048}) {
            shapes.add(n + "x" + n + "x" + n + ":NN");
        }
        return shapes;
    }

    static List<String> mlpShapes() {
        List<String> shapes = new ArrayList<>();
        for (int batch : new int[] {32, 128, 256}) {
            for (int[] kn : new int[][] {{784, 512}, {512, 512}, {512, 10}, {256, 256}}) {
                int k = kn[0], n = kn[1];
                shapes.add(batch + "x" + n + "x" + k + ":NN");
                shapes.add(batch + "x" + k + "x" + n + ":NT");
                shapes.add(k + "x" + n + "x" + batch + ":TN");
            }
        }
        return shapes;
    }

    public static void main(String[] args) throws RunnerException {
        String set = args.length > 0 ? args[0] : "square";
        String[] threads = (args.length > 1 ? args[1] : "1").split(",");
        boolean quick = args.length > 2 && args[2].equals("quick");
        boolean dgemm = set.equals("dgemm");
        List<String> shapes = switch (set) {
            case "square", "dgemm" -> squareShapes();
            case "mlp" -> mlpShapes();
            case "all" -> { List<String> all = new ArrayList<>(squareShapes()); all.addAll(mlpShapes()); yield all; }
            default -> throw new IllegalArgumentException("unknown shape set " + set + " (square|mlp|dgemm|all)");
        };
        String ours = dgemm ? "DgemmBench" : "SgemmBench";
        String peer = dgemm ? "OpenBlasDgemmBench" : "OpenBlasSgemmBench";
        List<RunResult> results = new ArrayList<>(new Runner(options(quick)
                .include("dev\\.simdnn\\.bench\\.gemm\\.(" + ours + "|" + peer + ")\\.")
                .param("shape", shapes.toArray(String[]::new))
                .param("threads", threads)
                .param("backend", "PANAMA")
                .build()).run());
        // The scalar twin, same run, on the shapes where it still finishes an iteration in a few seconds.
        String[] scalarShapes = shapes.stream().filter(x -> GemmShape.parse(x).flops() <= SCALAR_MAX_FLOPS)
                .toArray(String[]::new);
        if (scalarShapes.length > 0) {
            results.addAll(new Runner(options(quick)
                    .include("dev\\.simdnn\\.bench\\.gemm\\." + ours + "\\.")
                    .param("shape", scalarShapes)
                    .param("threads", "1")
                    .param("backend", "SCALAR")
                    .build()).run());
        }
        print(set, results, ours, peer);
    }

    /**
     * Warm-up is 3 × 1 s in both modes: C2 sometimes reaches the driver's final code only after 2–3 s of calls
     * (256x512x512:NN on Zen 3 ran at 320 ops/s for two seconds, then 590), and the 2 × 0.5 s of quick mode used
     * to put the 256-row shapes at 0.45–0.66× OpenBLAS, against 0.94–1.12× once warm.
     */
    private static ChainedOptionsBuilder options(boolean quick) {
        return new OptionsBuilder()
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.milliseconds(1000))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.milliseconds(quick ? 500 : 1000));
    }

    private record Row(String shape, String threads) {}

    private static void print(String set, List<RunResult> results, String ours, String peer) {
        Map<Row, double[]> rows = new LinkedHashMap<>();   // [ours, err, peer, err, scalar, err] in GFLOPS
        for (RunResult r : results) {
            String shape = r.getParams().getParam("shape");
            String threads = r.getParams().getParam("threads");
            double gflops = GemmShape.parse(shape).flops() / 1e9;
            boolean scalar = "SCALAR".equals(r.getParams().getParam("backend"));
            double[] row = rows.computeIfAbsent(new Row(shape, threads), x -> new double[6]);
            int at = r.getParams().getBenchmark().contains("." + peer + ".") ? 2 : scalar ? 4 : 0;
            row[at] = r.getPrimaryResult().getScore() * gflops;
            row[at + 1] = r.getPrimaryResult().getScoreError() * gflops;
        }
        System.out.println();
        System.out.println("GEMM " + set + ", " + LocalDate.now() + ", " + MachineInfo.describe());
        System.out.println("OpenBLAS core: " + OpenBlas.coreName() + " (org.bytedeco openblas 0.3.31-1.5.13)");
        System.out.println();
        System.out.println("| shape (MxNxK:form) | threads | simdnn GFLOPS | OpenBLAS GFLOPS | simdnn / OpenBLAS "
                + "| scalar twin GFLOPS | simdnn / scalar |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<Row, double[]> e : rows.entrySet()) {
            double[] v = e.getValue();
            String scalar = v[4] > 0 ? String.format(Locale.ROOT, "%.1f ± %.1f | %.1f", v[4], v[5], v[0] / v[4]) : "– | –";
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f ± %.1f | %.1f ± %.1f | %.2f | %s |%n", e.getKey().shape(),
                    e.getKey().threads(), v[0], v[1], v[2], v[3], v[0] / v[2], scalar);
        }
    }
}
