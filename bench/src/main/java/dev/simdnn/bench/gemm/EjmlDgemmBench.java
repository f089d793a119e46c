package dev.simdnn.bench.gemm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EJML 0.46.1 (pure Java, row-major {@code DMatrixRMaj}) as a DGEMM peer: {@code CommonOps_DDRM.mult},
 * single-threaded (threads = 1 only), NN shapes only. Same shapes and data as {@link DgemmBench}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EjmlDgemmBench {
    @Param({"512x512x512:NN"})
    public String shape;

    @Param({"1"})
    public int threads;

    private DMatrixRMaj a, b, c;

    @Setup
    public void setUp() {
        GemmShape s = GemmShape.parse(shape);
        if (s.transA() || s.transB() || threads != 1) {
            throw new IllegalArgumentException("the EJML peer runs NN shapes on 1 thread, got " + shape + ", "
                    + threads + " threads");
        }
        double[] ad = s.randomA(1), bd = s.randomB(1);
        a = DMatrixRMaj.wrap(s.m(), s.k(), ad);
        b = DMatrixRMaj.wrap(s.k(), s.n(), bd);
        c = new DMatrixRMaj(s.m(), s.n());
        dgemm();
        s.verify("EJML mult", ad, bd, i -> c.data[i], 1e-12);
    }

    @Benchmark
    public DMatrixRMaj dgemm() {
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }
}
