package dev.simdnn.bench.gemm;

import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ojAlgo 55.0.2 (pure Java) as a DGEMM peer: {@code R064Store.fillByMultiplying} into a preallocated store, NN
 * shapes, ojAlgo's own parallelism limited to {@code threads} ({@code OjAlgoUtils.limitThreadsTo}). Same shapes and
 * data as {@link DgemmBench}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OjAlgoDgemmBench {
    @Param({"512x512x512:NN"})
    public String shape;

    @Param({"1"})
    public int threads;

    private R064Store a, b, c;

    @Setup
    public void setUp() {
        GemmShape s = GemmShape.parse(shape);
        if (s.transA() || s.transB()) {
            throw new IllegalArgumentException("the ojAlgo peer runs NN shapes, got " + shape);
        }
        org.ojalgo.OjAlgoUtils.limitThreadsTo(threads);
        double[] ad = s.randomA(1), bd = s.randomB(1);
        a = R064Store.FACTORY.make(s.m(), s.k());
        b = R064Store.FACTORY.make(s.k(), s.n());
        c = R064Store.FACTORY.make(s.m(), s.n());
        for (int i = 0; i < s.m(); i++) {
            for (int p = 0; p < s.k(); p++) {
                a.set(i, p, ad[i * s.k() + p]);
            }
        }
        for (int p = 0; p < s.k(); p++) {
            for (int j = 0; j < s.n(); j++) {
                b.set(p, j, bd[p * s.n() + j]);
            }
        }
        dgemm();
        s.verify("ojAlgo multiply", ad, bd, i -> c.doubleValue(i / s.n(), i % s.n()), 1e-12);
    }

    @Benchmark
    public R064Store dgemm() {
        c.fillByMultiplying(a, b);
        return c;
    }
}
