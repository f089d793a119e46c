package dev.simdnn.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Run in a fresh JVM by {@link TierIndependenceTest}: every kernel family whose result could depend on how its code
 * was compiled (reductions, transcendentals, fused epilogues) is called once cold, while its code still runs in the
 * interpreter, then 3000 times more so that C2 compiles it, then once again. Prints one line per kernel whose two
 * results differ in any bit, then {@code tier-independent: N of M} .
 */
public final class TierIndependenceProbe {
    private TierIndependenceProbe() {}

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(41);
        float[] logits = values(rnd, 64 * 37, 6), x = values(rnd, 4099, 3), y = values(rnd, 4099, 3);
        float[] targets = new float[x.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) rnd.nextDouble();
        }
        int[] labels10 = new int[64], labels37 = new int[64];
        for (int i = 0; i < 64; i++) {
            labels10[i] = rnd.nextInt(10);
            labels37[i] = rnd.nextInt(37);
        }
        float[] w = values(rnd, 37 * 300, 0.2), bias = values(rnd, 300, 0.5);
        List<String> names = new ArrayList<>();
        List<Supplier<float[]>> kernels = new ArrayList<>();
        names.add("softmax + cross-entropy, 10 classes");
        kernels.add(() -> crossEntropy(logits, labels10, 10));
        names.add("softmax + cross-entropy, 37 classes");
        kernels.add(() -> crossEntropy(logits, labels37, 37));
        names.add("BCE with logits");
        kernels.add(() -> {
            float[] g = new float[x.length];
            double loss = Losses.binaryCrossEntropyWithLogits(x.length, x, 0, targets, 0, g, 0, Reduction.MEAN);
            return append(g, (float) loss);
        });
        names.add("dot, sum, sum of squares");
        kernels.add(() -> new float[] {Blas1.dot(x.length, x, 0, y, 0), Blas1.sum(x.length, x, 0),
            Blas1.sumOfSquares(x.length, y, 0)});
        for (Activation a : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.GELU, Activation.ELU,
            Activation.SOFTPLUS}) {
            names.add(a + " forward and backward");
            kernels.add(() -> {
                float[] out = new float[x.length], g = new float[x.length];
                Activations.forward(a, x.length, x, 0, out, 0);
                Activations.backward(a, a.defaultAlpha(), x.length, a.derivativeFromOutput() ? out : x, 0, y, 0, g, 0);
                return append(out, g);
            });
        }
        names.add("SGEMM 64x300x37 + bias + GELU");
        kernels.add(() -> {
            float[] c = new float[64 * 300];
            Gemm.sgemm(Trans.N, Trans.N, 64, 300, 37, 1f, logits, 0, 37, w, 0, 300, 0f, c, 0, 300,
                    Epilogue.of(Activation.GELU).withBias(bias, 0));
            return c;
        });
        int same = 0;
        for (int k = 0; k < kernels.size(); k++) {
            float[] cold = kernels.get(k).get();
            for (int rep = 0; rep < 3000; rep++) {
                kernels.get(k).get();
            }
            float[] hot = kernels.get(k).get();
            int differing = 0;
            for (int i = 0; i < cold.length; i++) {
                if (Float.floatToRawIntBits(cold[i]) != Float.floatToRawIntBits(hot[i])) {
                    differing++;
                }
            }
            if (differing == 0) {
                same++;
            } else {
                System.out.println("differs: " + names.get(k) + ": " + differing + " of " + cold.length + " values");
            }
        }
        System.out.println(Simd.describe());
        System.out.println("tier-independent: " + same + " of " + kernels.size());
    }

    private static float[] crossEntropy(float[] logits, int[] labels, int classes) {
        float[] g = new float[64 * classes];
        double loss = Losses.softmaxCrossEntropy(64, classes, logits, 0, labels, 0, g, 0, Reduction.MEAN);
        return append(g, (float) loss);
    }

    private static float[] values(SplittableRandom rnd, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] append(float[] a, float... b) {
        float[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
