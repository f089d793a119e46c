package dev.simdnn.bench.gemm;

import dev.simdnn.bench.BenchBase;
import dev.simdnn.core.internal.gemm.GemmKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** simdnn DGEMM, C = op(A)·op(B), Vector API and scalar twin. */
public class DgemmBench extends BenchBase {
    @Param({"512x512x512:NN"})
    public String shape;

    @Param({"1"})
    public int threads;

    private GemmShape s;
    private double[] a, b, c;
    private GemmKernels gemm;

    @Setup
    public void setUp() {
        s = GemmShape.parse(shape);
        a = s.randomA(1);
        b = s.randomB(1);
        c = new double[s.m() * s.n()];
        gemm = provider().gemm();
        dgemm();
        s.verify("simdnn dgemm " + backend, a, b, i -> c[i], 1e-12);
    }

    @Benchmark
    public double[] dgemm() {
        gemm.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1, a, 0, s.lda(), b, 0, s.ldb(), 0, c, 0, s.n(),
                threads);
        return c;
    }
}
