package dev.simdnn.bench.gemm;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.Epilogue;
import dev.simdnn.core.internal.gemm.GemmKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * simdnn SGEMM, C = op(A)·op(B) (α = 1, β = 0), Vector API and scalar twin. Score in ops/s; GFLOPS =
 * score · 2MNK / 1e9 ({@link GemmTable} prints them beside OpenBLAS's).
 */
public class SgemmBench extends BenchBase {
    @Param({"512x512x512:NN"})
    public String shape;

    @Param({"1"})
    public int threads;

    private GemmShape s;
    private float[] a, b, c;
    private GemmKernels gemm;

    @Setup
    public void setUp() {
        s = GemmShape.parse(shape);
        double[] ad = s.randomA(1), bd = s.randomB(1);
        a = GemmShape.toFloat(ad);
        b = GemmShape.toFloat(bd);
        c = new float[s.m() * s.n()];
        gemm = provider().gemm();
        sgemm();
        s.verify("simdnn sgemm " + backend, ad, bd, i -> c[i], 1e-5);
    }

    @Benchmark
    public float[] sgemm() {
        gemm.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, a, 0, s.lda(), b, 0, s.ldb(), 0f, c, 0, s.n(),
                Epilogue.NONE, threads);
        return c;
    }
}
