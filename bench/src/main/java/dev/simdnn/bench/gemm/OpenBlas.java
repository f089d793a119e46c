package dev.simdnn.bench.gemm;

import org.bytedeco.openblas.global.openblas_full;

/**
 * The OpenBLAS peer, set up fairly: its own CPU detection (the machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
 * would pin it to AVX2 kernels, so a run with them set is refused; bench/run removes them), and the thread
 * count the benchmark asks for.
 */
final class OpenBlas {
    private OpenBlas() {}

    static void init(int threads) {
        for (String v : new String[] {"OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}) {
            if (System.getenv(v) != null) {
                throw new IllegalStateException(v + "=" + System.getenv(v) + " is set: it holds OpenBLAS to slower "
                        + "kernels. Run the benchmarks through bench/run, which removes it.");
            }
        }
        openblas_full.openblas_set_num_threads(threads);
        if (openblas_full.openblas_get_num_threads() != threads) {
            throw new IllegalStateException("OpenBLAS refused " + threads + " threads");
        }
        System.out.println("OpenBLAS core: " + coreName() + ", threads " + threads);
    }

    static String coreName() {
        return openblas_full.openblas_get_corename().getString();
    }

    static int trans(boolean t) {
        return t ? openblas_full.CblasTrans : openblas_full.CblasNoTrans;
    }
}
