package dev.simdnn.bench.elementwise;

import dev.simdnn.bench.MachineInfo;
import dev.simdnn.bench.TurnByTurn;
import dev.simdnn.core.Activation;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Issue #5's targets measured turn by turn in one JVM: each kernel against its reference on the same number of
 * elements ({@code System.arraycopy} for the memory-bound kernels, the plain {@code Math} loop for sigmoid and
 * tanh), alternating call batches of ~1 ms, best of N each. The JMH table ({@link ElementwiseTable}) runs the two
 * minutes apart, and this machine's speed moves by 2x within minutes; here both see the same phases.
 *
 * <pre>bench/run elementwise-best [ROUNDS] [REGEX]</pre>
 * REGEX selects rows by name (e.g. {@code dropout|batch norm}). Prints GB/s moved (reads + writes of float arrays,
 * the same byte counts as the JMH table), the ratio and the target.
 */
public final class ElementwiseBestOf {
    private ElementwiseBestOf() {}

    private static final int[] SIZES = {4096, 262144, 16777216};
    private static final int[][] BN_SHAPES = {{128, 512}, {256, 784}, {32768, 512}};

    /** One row: a kernel, what it is compared with, its bytes per element and the target ratio. */
    private record Row(String name, long elements, int bytesPerElement, Runnable kernel, String reference,
                       Runnable referenceCall, double target) {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String filter = args.length > 1 ? args[1] : "";
        KernelProvider simd = KernelProviders.panama();
        System.out.println(MachineInfo.describe());
        List<Row> rows = rows(simd);
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s  %-10s %7s %7s%n", "kernel", "elements", "GB/s", "ref GB/s",
                "reference", "ratio", "target");
        for (Row row : rows) {
            if (!filter.isEmpty() && !java.util.regex.Pattern.compile(filter).matcher(row.name).find()) {
                continue;
            }
            measure(row, rounds);
        }
    }

    private static List<Row> rows(KernelProvider simd) {
        List<Row> rows = new ArrayList<>();
        var act = simd.activations();
        for (int n : SIZES) {
            float[] x = random(n, -6, 6, 3), dy = random(n, -1, 1, 4), y = new float[n], dx = new float[n];
            float[] bias = new float[512];
            Runnable copy = () -> System.arraycopy(x, 0, y, 0, n);
            rows.add(new Row("ReLU forward", n, 8, () -> act.forward(Activation.RELU, 0, n, x, 0, y, 0),
                    "arraycopy", copy, 0.8));
            rows.add(new Row("ReLU backward", n, 12, () -> act.backward(Activation.RELU, 0, n, x, 0, dy, 0, dx, 0),
                    "arraycopy", copy, 0.8));
            float[] sigmoid = new float[n];     // the cached output that sigmoid's backward reads
            act.forward(Activation.SIGMOID, 0, n, x, 0, sigmoid, 0);
            for (Activation f : new Activation[] {Activation.RELU, Activation.SIGMOID}) {
                float[] cached = f == Activation.SIGMOID ? sigmoid : x;
                rows.add(new Row("fused bias gradient, " + f.name().toLowerCase(Locale.ROOT), n, 12,
                        () -> act.backwardWithBiasGradient(f, 0, n / 512, 512, cached, 0, dy, 0, dx, 0, bias, 0),
                        "arraycopy", copy, 0.8));
            }
            var dropout = simd.dropout();
            long[] step = {0};
            rows.add(new Row("dropout", n, 8, () -> dropout.forward(n, 0.5f, 1L, step[0]++ * n, x, 0, y, 0),
                    "arraycopy", copy, 0.8));
            rows.add(new Row("sigmoid forward", n, 8, () -> act.forward(Activation.SIGMOID, 0, n, x, 0, y, 0),
                    "Math loop", () -> {
                        for (int i = 0; i < n; i++) {
                            dx[i] = (float) (1 / (1 + Math.exp(-x[i])));
                        }
                    }, 8));
            rows.add(new Row("tanh forward", n, 8, () -> act.forward(Activation.TANH, 0, n, x, 0, y, 0),
                    "Math loop", () -> {
                        for (int i = 0; i < n; i++) {
                            dx[i] = (float) Math.tanh(x[i]);
                        }
                    }, 8));
        }
        var bn = simd.batchNorm();
        for (int[] shape : BN_SHAPES) {
            int r = shape[0], c = shape[1], n = r * c;
            float[] x = random(n, -3, 3, 5), dy = random(n, -1, 1, 6), y = new float[n], xhat = new float[n];
            float[] dx = new float[n], gamma = new float[c], beta = new float[c], mean = new float[c];
            float[] var = new float[c], inv = new float[c], dg = new float[c], db = new float[c];
            java.util.Arrays.fill(gamma, 1f);
            Runnable copy = () -> System.arraycopy(x, 0, y, 0, n);
            String dims = r + "x" + c;
            rows.add(new Row("batch norm forward " + dims, n, 16,
                    () -> bn.forwardTraining(r, c, x, 0, gamma, 0, beta, 0, 1e-5f, y, 0, xhat, 0, mean, var, inv),
                    "arraycopy", copy, 0.8));
            rows.add(new Row("batch norm backward " + dims, n, 20,
                    () -> bn.backward(r, c, dy, 0, xhat, 0, gamma, 0, inv, dx, 0, dg, 0, db, 0),
                    "arraycopy", copy, 0.8));
        }
        rows.sort(java.util.Comparator.comparing(Row::name).thenComparingLong(Row::elements));
        return rows;
    }

    private static void measure(Row row, int rounds) {
        int calls = (int) Math.max(1, 250_000 / row.elements);    // ~1 ms of work per turn at L1 speeds
        // C2 compiles both before the first timed turn: a vector kernel in the interpreter takes ~100x as long
        // (its vectors are objects), and a few hundred calls pass before the compiled code is entered
        TurnByTurn.warmUp(1_500_000_000L, row.kernel, row.referenceCall);
        double[] turns = TurnByTurn.bestNanosPerCall(rounds, calls, row.kernel, row.referenceCall);
        double best = turns[0], bestRef = turns[1];
        double gbs = row.bytesPerElement * row.elements / best;
        double refGbs = 8.0 * row.elements / bestRef;
        boolean speedup = row.reference.equals("Math loop");
        double ratio = speedup ? bestRef / best : gbs / refGbs;
        System.out.printf(Locale.ROOT, "%-34s %9d %9.1f %9.1f  %-10s %7.2f %7.1f %s%n", row.name, row.elements, gbs,
                refGbs, row.reference, ratio, row.target, ratio >= row.target ? "met" : "MISSED");
    }

    private static float[] random(int n, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(lo, hi);
        }
        return a;
    }
}
