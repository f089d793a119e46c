package dev.simdnn.bench.gemm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OpenBLAS {@code cblas_sgemm} (row-major) on off-heap operands: JavaCPP would copy Java arrays on every
 * call, which would measure the copy, not OpenBLAS.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = {"-Xms2g", "-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpenBlasSgemmBench {
    @Param({"512x512x512:NN"})
    public String shape;

    @Param({"1"})
    public int threads;

    private GemmShape s;
    private FloatPointer a, b, c;

    @Setup
    public void setUp() {
        OpenBlas.init(threads);
        s = GemmShape.parse(shape);
        double[] ad = s.randomA(1), bd = s.randomB(1);
        a = new FloatPointer(GemmShape.toFloat(ad));
        b = new FloatPointer(GemmShape.toFloat(bd));
        c = new FloatPointer((long) s.m() * s.n());
        sgemm();
        s.verify("OpenBLAS sgemm", ad, bd, i -> c.get(i), 1e-5);
    }

    @Benchmark
    public FloatPointer sgemm() {
        openblas_full.cblas_sgemm(openblas_full.CblasRowMajor, OpenBlas.trans(s.transA()), OpenBlas.trans(s.transB()),
                s.m(), s.n(), s.k(), 1f, a, s.lda(), b, s.ldb(), 0f, c, s.n());
        return c;
    }

    @TearDown
    public void tearDown() {
        a.close();
        b.close();
        c.close();
    }
}
