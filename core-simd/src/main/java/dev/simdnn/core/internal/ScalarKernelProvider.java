package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import dev.simdnn.core.internal.blas1.Blas1Scalar;

/** The plain-Java twins: the fallback, and the reference that the Vector API kernels are tested against. */
public final class ScalarKernelProvider implements KernelProvider {
    static final ScalarKernelProvider INSTANCE = new ScalarKernelProvider();

    private final Blas1Kernels blas1 = new Blas1Scalar();

    private ScalarKernelProvider() {}

    @Override
    public Backend backend() {
        return Backend.SCALAR;
    }

    @Override
    public int vectorBitSize() {
        return Float.SIZE;
    }

    @Override
    public String describe() {
        return "plain Java loops (scalar twins)";
    }

    @Override
    public Blas1Kernels blas1() {
        return blas1;
    }
}
