package dev.simdnn.optim.cli;

import dev.simdnn.core.Activation;
import dev.simdnn.core.Simd;
import dev.simdnn.layers.Sequential;
import dev.simdnn.layers.init.SeededRandom;
import dev.simdnn.layers.loss.SoftmaxCrossEntropy;
import dev.simdnn.optim.Optimizer;
import dev.simdnn.optim.Optimizers;
import dev.simdnn.optim.train.DataParallel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code simdnn bench-quick}: a rough, in-process measure of the 784-512-512-10 ReLU MLP: training samples per
 * second (forward, backward, Adam) at batch 32/128/256 and single-sample inference latency (p50, p99), with the
 * CPU it ran on. A quick look, not the JMH suite (bench/): no forks, a fixed warm-up.
 */
final class BenchQuick {
    static final Set<String> VALUED = Set.of("threads", "seconds");

    private BenchQuick() {}

    static int run(Flags flags, PrintStream out) throws UsageException {
        int threads = flags.integer("threads", Runtime.getRuntime().availableProcessors(), 1);
        double seconds = flags.number("seconds", 2);
        out.println(Simd.describe());
        out.println("cpu: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " processors, " + threads
                + " threads");
        Sequential model = Sequential.mlp("784-512-512-10", Activation.RELU, new SoftmaxCrossEntropy(), 1);
        SeededRandom r = new SeededRandom(1);
        float[] x = new float[256 * 784];
        int[] y = new int[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(10);
        }
        Optimizer adam = Optimizers.create("adam", model, Map.of());
        for (int batch : new int[] {32, 128, 256}) {
            try (DataParallel dp = new DataParallel(model, threads, DataParallel.DEFAULT_SHARD_ROWS, batch)) {
                long steps = 0, start = 0, deadline = 0;
                for (int phase = 0; phase < 2; phase++) {          // 0: warm-up, 1: measured
                    start = System.nanoTime();
                    deadline = start + (long) (seconds * 1e9 / (phase == 0 ? 2 : 1));
                    steps = 0;
                    while (System.nanoTime() < deadline) {
                        dp.computeGradients(x, y, batch, steps);
                        adam.step();
                        steps++;
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "train step, batch %3d: %8.0f samples/s (%.2f ms per step)%n", batch,
                        steps * batch / s, 1e3 * s / steps);
            }
        }
        float[] sample = Arrays.copyOf(x, 784), outputs = new float[10];
        for (int i = 0; i < 20_000; i++) {
            model.predict(sample, outputs);
        }
        long[] t = new long[5_000];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            model.predict(sample, outputs);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        out.printf(Locale.ROOT, "inference, batch 1: p50 %.1f us, p99 %.1f us%n", t[t.length / 2] / 1e3,
                t[t.length * 99 / 100] / 1e3);
        return 0;
    }

    static String cpu() {
        try {
            String family = null, model = null;
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (model == null && line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
                if (family == null && line.startsWith("cpu family")) {
                    family = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return model + " (family " + family + ")";
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
