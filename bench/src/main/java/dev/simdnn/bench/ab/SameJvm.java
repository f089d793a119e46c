package dev.simdnn.bench.ab;

import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Two builds, settings or libraries timed against each other in one JVM, turn by turn: the comparison this shared,
 * noisy machine allows. Its speed drifts by 2x within minutes, and JMH's forks of two jars run minutes apart; here
 * the two sides alternate every few steps, and each keeps its best time over all rounds, so both see the same phases
 * of the machine. The order alternates (A then B, then B then A): with A always first, an A/A run with three batch
 * sizes gave the second side 10 % more at batch 32. An A/A run (the same side twice) shows the method's own spread:
 * each side has its own compiled code and its own arrays, and at batch 32 two copies of one build differed by up to
 * 1.39x on Zen 3 (5–7 % at batch 128 and 256), so compare medians of several runs there.
 *
 * <p>Each side is a jar (plus optional extra class path entries) loaded by its own class loader, so static
 * configuration (e.g. {@code -Dsimdnn.sgemm.kc}) is read separately per side: its system properties are set while its
 * classes initialise and its tasks are made, then removed. The task class implements {@link LongUnaryOperator}
 * ({@code applyAsLong(steps)} = nanoseconds for that many steps) and has a public {@code (Integer batch)}
 * constructor: {@link TrainStepTask} here, {@code dev.simdnn.bench.peers.PeerTrainStepTask} for PyTorch and DL4J.
 *
 * <pre>
 * SameJvm --a CLASSPATH CLASS [k=v,...] --b CLASSPATH CLASS [k=v,...] [--batches 32,128,256] [--rounds 30]
 *         [--warmup-seconds 15]
 * </pre>
 *
 * Prints per batch each side's best samples per second and A/B, the median over rounds of the A/B of the round's
 * two turns (best turns show what each side reaches when the machine is quiet; the median of pairs, how they
 * compare the rest of the time: on 2 threads the two differed, see bench/README.md), and how much CPU the process
 * used per second of each side's turns (a side whose library runs extra threads shows above 1 on a 1-thread
 * comparison).
 */
public final class SameJvm {
    private SameJvm() {}

    private record Side(String classPath, String className, String properties) {}

    public static void main(String[] args) throws Exception {
        run(args, System.out);
        System.exit(0);    // peers may leave non-daemon threads
    }

    /** Parses the arguments, runs both sides and prints the table to {@code out}. */
    static void run(String[] args, java.io.PrintStream out) throws Exception {
        Side a = null, b = null;
        String batches = "32,128,256";
        int rounds = 30, warmupSeconds = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--a", "--b" -> {
                    String props = i + 3 < args.length && !args[i + 3].startsWith("--") ? args[i + 3] : "";
                    Side side = new Side(args[i + 1], args[i + 2], props);
                    if (args[i].equals("--a")) {
                        a = side;
                    } else {
                        b = side;
                    }
                    i += props.isEmpty() ? 2 : 3;
                }
                case "--batches" -> batches = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (a == null || b == null) {
            throw new IllegalArgumentException("usage: SameJvm --a CLASSPATH CLASS [k=v,...] --b CLASSPATH CLASS "
                    + "[k=v,...] [--batches 32,128,256] [--rounds 30] [--warmup-seconds 15]");
        }
        int[] sizes = Arrays.stream(batches.split(",")).mapToInt(Integer::parseInt).toArray();
        LongUnaryOperator[][] tasks = {tasks(a, sizes), tasks(b, sizes)};

        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (LongUnaryOperator[] side : tasks) {
                for (LongUnaryOperator task : side) {
                    task.applyAsLong(2);
                }
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] best = new double[2][sizes.length];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        long[] cpu = new long[2], wall = new long[2];
        double[][] pairRatio = new double[sizes.length][rounds];   // B's time / A's time within each round
        long[] turnNanos = new long[2];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sizes.length; i++) {
                int steps = Math.max(1, 1024 / sizes[i]);          // ~1024 samples per turn
                for (int turn = 0; turn < 2; turn++) {
                    int s = (round + i) % 2 == 0 ? turn : 1 - turn;   // ABBA: neither side always goes second
                    long cpu0 = os.getProcessCpuTime();
                    long ns = tasks[s][i].applyAsLong(steps);
                    cpu[s] += os.getProcessCpuTime() - cpu0;
                    wall[s] += ns;
                    best[s][i] = Math.min(best[s][i], (double) ns / steps);
                    turnNanos[s] = ns;
                }
                pairRatio[i][round] = (double) turnNanos[1] / turnNanos[0];
            }
        }
        out.printf("A = %s %s %s%nB = %s %s %s%nbest of %d turns of ~1024 samples each, after %d s of warm-up%n",
                a.className, a.properties, a.classPath, b.className, b.properties, b.classPath, rounds, warmupSeconds);
        for (int i = 0; i < sizes.length; i++) {
            double[] pairs = pairRatio[i];
            Arrays.sort(pairs);
            out.printf("batch %4d  A %9.0f samples/s  B %9.0f samples/s  A/B %.3f  (median of the rounds' A/B %.3f)%n",
                    sizes[i], sizes[i] * 1e9 / best[0][i], sizes[i] * 1e9 / best[1][i], best[1][i] / best[0][i],
                    pairs[pairs.length / 2]);
        }
        out.printf("process CPU per second of each side's turns: A %.2f  B %.2f%n",
                (double) cpu[0] / wall[0], (double) cpu[1] / wall[1]);
    }

    private static LongUnaryOperator[] tasks(Side side, int[] sizes) throws Exception {
        List<String> set = new ArrayList<>();
        for (String kv : side.properties.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                System.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
                set.add(kv.substring(0, eq));
            }
        }
        try {
            ClassLoader loader = new URLClassLoader(urls(side.classPath), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> type = Class.forName(side.className, true, loader);
            LongUnaryOperator[] tasks = new LongUnaryOperator[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                tasks[i] = (LongUnaryOperator) type.getConstructor(Integer.class).newInstance(sizes[i]);
            }
            return tasks;
        } finally {
            set.forEach(System::clearProperty);
        }
    }

    private static URL[] urls(String classPath) throws MalformedURLException {
        String[] parts = classPath.split(java.io.File.pathSeparator);
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        return urls;
    }
}
