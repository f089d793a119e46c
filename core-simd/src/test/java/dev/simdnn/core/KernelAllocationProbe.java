package dev.simdnn.core;

import com.sun.management.ThreadMXBean;
import dev.simdnn.core.internal.KernelProviders;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Run in a fresh JVM by {@link KernelAllocationTest}: runs every kernel family (all nine activations forward and
 * through the fused backward, the losses, batch norm, dropout, maxout, the reductions, the optimizer updates, SGEMM
 * with each epilogue activation, packed and small, and DGEMM, on 1 and 2 threads) until C2 has compiled them, the way a JVM that serves
 * several models does, then prints the bytes 200 calls of each allocate, on every thread of the JVM.
 */
public final class KernelAllocationProbe {
    private static final int ROWS = 8, COLS = 100, N = ROWS * COLS;

    public static void main(String[] args) {
        Random random = new Random(1);
        float[] x = gaussian(random, N), dy = gaussian(random, N), y = new float[N], dz = new float[N];
        float[] targets = new float[N], col = new float[COLS], col2 = new float[COLS], col3 = new float[COLS];
        float[] gamma = gaussian(random, COLS), beta = gaussian(random, COLS), xhat = new float[N];
        float[] mean = new float[COLS], var = new float[COLS], invStd = new float[COLS];
        float[] p = gaussian(random, N), m = new float[N], v = new float[N], u = new float[N];
        float[] prev = new float[N], step = new float[N], delta = new float[N];
        java.util.Arrays.fill(step, 0.01f);
        int[] labels = new int[ROWS], argmax = new int[N];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = r % COLS;
            targets[r * COLS + r % COLS] = 1f;
        }
        float[] a = gaussian(random, 64 * 96), b = gaussian(random, 96 * 80), c = new float[64 * 80];
        float[] pre = new float[64 * 80];
        double[] da = new double[64 * 96], db = new double[96 * 80], dc = new double[64 * 80];
        java.util.Arrays.fill(m, 0.1f);
        java.util.Arrays.fill(v, 0.2f);

        Map<String, Runnable> kernels = new LinkedHashMap<>();
        for (Activation f : Activation.values()) {
            kernels.put(f + " forward", () -> Activations.forward(f, 0.1f, N, x, 0, y, 0));
            kernels.put(f + " backward with bias gradient",
                    () -> Activations.backwardWithBiasGradient(f, 0.1f, ROWS, COLS, x, 0, dy, 0, dz, 0, col, 0));
            Epilogue epilogue = Epilogue.of(f, 0.1f).withBias(col2, 0).keepingPreActivation(pre, 0, 80);
            for (int threads = 1; threads <= 2; threads++) {
                int t = threads;
                kernels.put("sgemm " + f + " epilogue, " + t + " thread(s)", () -> Gemm.sgemm(Trans.N, Trans.N, 64,
                        80, 96, 1f, a, 0, 96, b, 0, 80, 0f, c, 0, 80, epilogue, t));
            }
        }
        float[] big = gaussian(random, 192 * 192), big2 = gaussian(random, 192 * 192), bigC = new float[192 * 192];
        Epilogue tanhWithBias = Epilogue.of(Activation.TANH).withBias(big, 0);
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            kernels.put("packed sgemm NN with tanh and bias, " + t + " thread(s)", () -> Gemm.sgemm(Trans.N,
                    Trans.N, 192, 192, 192, 1f, big, 0, 192, big2, 0, 192, 0f, bigC, 0, 192, tanhWithBias, t));
            kernels.put("packed sgemm NT, " + t + " thread(s)", () -> Gemm.sgemm(Trans.N, Trans.T, 192, 192, 192,
                    1f, big, 0, 192, big2, 0, 192, 0f, bigC, 0, 192, Epilogue.NONE, t));
            kernels.put("packed sgemm TN, " + t + " thread(s)", () -> Gemm.sgemm(Trans.T, Trans.N, 192, 192, 192,
                    1f, big, 0, 192, big2, 0, 192, 0f, bigC, 0, 192, Epilogue.NONE, t));
            kernels.put("packed sgemm NN, beta 1, " + t + " thread(s)", () -> Gemm.sgemm(Trans.N, Trans.N, 192, 192,
                    192, 1f, big, 0, 192, big2, 0, 192, 1f, bigC, 0, 192, Epilogue.NONE, t));
        }
        kernels.put("small sgemm (no packing)", () -> Gemm.sgemm(Trans.T, Trans.N, 16, 16, 16, 1f, a, 0, 16, b, 0, 16,
                0f, c, 0, 16));
        kernels.put("sgemm NT, TN, TT", () -> {
            Gemm.sgemm(Trans.N, Trans.T, 64, 80, 96, 1f, a, 0, 96, b, 0, 96, 1f, c, 0, 80);
            Gemm.sgemm(Trans.T, Trans.N, 64, 80, 96, 1f, a, 0, 64, b, 0, 80, 1f, c, 0, 80);
            Gemm.sgemm(Trans.T, Trans.T, 64, 80, 96, 1f, a, 0, 64, b, 0, 96, 1f, c, 0, 80);
        });
        for (int threads = 1; threads <= 2; threads++) {
            int t = threads;
            kernels.put("dgemm, " + t + " thread(s)",
                    () -> Gemm.dgemm(Trans.N, Trans.N, 64, 80, 96, 1, da, 0, 96, db, 0, 80, 0, dc, 0, 80, t));
        }
        kernels.put("softmax, log-softmax", () -> {
            Losses.softmax(ROWS, COLS, x, 0, y, 0);
            Losses.logSoftmax(ROWS, COLS, x, 0, y, 0);
        });
        kernels.put("cross-entropy, labels",
                () -> Losses.softmaxCrossEntropy(ROWS, COLS, x, 0, labels, 0, dz, 0, Reduction.MEAN));
        kernels.put("cross-entropy, soft targets",
                () -> Losses.softmaxCrossEntropy(ROWS, COLS, x, 0, targets, 0, dz, 0, Reduction.SUM));
        kernels.put("squared error", () -> Losses.squaredError(N, x, 0, dy, 0, dz, 0, Reduction.MEAN, true));
        kernels.put("binary cross-entropy",
                () -> Losses.binaryCrossEntropyWithLogits(N, x, 0, targets, 0, dz, 0, Reduction.MEAN));
        kernels.put("multiclass hinge", () -> Losses.multiclassHinge(ROWS, COLS, x, 0, labels, 0, 1f, dz, 0,
                Reduction.MEAN));
        kernels.put("batch norm", () -> {
            BatchNorm.forwardTraining(ROWS, COLS, x, 0, gamma, 0, beta, 0, 1e-5f, y, 0, xhat, 0, mean, var, invStd);
            BatchNorm.backward(ROWS, COLS, dy, 0, xhat, 0, gamma, 0, invStd, dz, 0, col2, 0, col3, 0);
            BatchNorm.updateRunningStatistics(COLS, ROWS, mean, var, 0.1f, true, col, 0, col3, 0);
            BatchNorm.fold(COLS, gamma, 0, beta, 0, mean, 0, var, 0, 1e-5f, col2, 0, col3, 0);
            BatchNorm.inference(ROWS, COLS, x, 0, col2, 0, col3, 0, y, 0);
        });
        kernels.put("dropout", () -> {
            Dropout.forward(N, 0.8f, 7, 0, x, 0, y, 0);
            Dropout.backward(N, 0.8f, 7, 0, dy, 0, dz, 0);
        });
        kernels.put("maxout", () -> {
            Maxout.forward(ROWS, COLS / 4, 4, x, 0, y, 0, argmax, 0);
            Maxout.backward(ROWS, COLS / 4, 4, dy, 0, argmax, 0, dz, 0);
        });
        kernels.put("dot, sum of squares", () -> {
            Blas1.dot(N, x, 0, dy, 0);
            Blas1.sumOfSquares(N, x, 0);
        });
        kernels.put("max, scale", () -> {
            Blas1.max(N, x, 0);
            Blas1.scale(N, 1f, dz, 0);
        });
        kernels.put("sum", () -> Blas1.sum(N, x, 0));
        kernels.put("l2 norm", () -> Blas1.l2Norm(N, x, 0));
        kernels.put("argmax", () -> Blas1.argmax(N, x, 0));
        kernels.put("axpy", () -> Blas1.axpy(N, 0.5f, x, 0, dz, 0));
        kernels.put("sgd, adam, rmsprop", () -> {
            Updates.sgd(N, p, 0, dy, 0, m, 0, 1e-3f, 0.9f, 0f, 1e-4f, true, false);
            Updates.adam(N, p, 0, dy, 0, m, 0, v, 0, u, 0, 3, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, true, true, false);
            Updates.rmsprop(N, p, 0, dy, 0, v, 0, m, 0, u, 0, 1e-3f, 0.99f, 1e-8f, 0f, 0.9f, false, false);
        });
        kernels.put("momentum, adagrad, adadelta", () -> {
            Updates.momentum(N, p, 0, dy, 0, m, 0, 1e-3f, 0.9f, 1e-4f, true);
            Updates.adagrad(N, p, 0, dy, 0, v, 0, 1e-3f, 1e-10f, 0f, false);
            Updates.adadelta(N, p, 0, dy, 0, v, 0, u, 0, 1f, 0.9f, 1e-6f, 0f);
        });
        kernels.put("adamax, nadam, rprop", () -> {
            Updates.adamax(N, p, 0, dy, 0, m, 0, u, 0, 3, 2e-3f, 0.9f, 0.999f, 1e-8f, 0f);
            Updates.nadam(N, p, 0, dy, 0, m, 0, v, 0, 1e-3f, 1e-3f, 0.5f, 0.9f, 0.999f, 1e-8f, 0f);
            Updates.rprop(N, p, 0, dy, 0, prev, 0, step, 0, delta, 0, 0.5f, 1.2f, 1e-6f, 50f);
        });

        // Enough calls for C2 to compile every kernel; the scalar twins reach the thresholds as soon, at ~10x the time.
        int rounds = KernelProviders.panamaAvailable() ? 3000 : 1000;
        for (int round = 0; round < rounds; round++) {
            kernels.values().forEach(Runnable::run);
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder allocating = new StringBuilder();
        kernels.forEach((name, kernel) -> {
            long bytes;
            int window = 0;
            do { // up to 20 windows: a compilation still in the queue may finish during the first ones
                long before = threads.getTotalThreadAllocatedBytes();
                for (int i = 0; i < 200; i++) {
                    kernel.run();
                }
                bytes = threads.getTotalThreadAllocatedBytes() - before;
            } while (++window < 20 && bytes > 0);
            if (bytes > 0) {
                allocating.append("\n  ").append(name).append(": ").append(bytes).append(" B per 200 calls");
            }
        });
        System.out.println(Simd.describe());
        System.out.println("allocating:" + (allocating.isEmpty() ? " none" : allocating));
    }

    private static float[] gaussian(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
