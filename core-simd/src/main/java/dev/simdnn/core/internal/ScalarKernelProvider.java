package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Scalar;
import dev.simdnn.core.internal.elementwise.ActivationScalar;
import dev.simdnn.core.internal.elementwise.DropoutScalar;
import dev.simdnn.core.internal.elementwise.MaxoutScalar;
import dev.simdnn.core.internal.gemm.DgemmScalar;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.core.internal.gemm.SgemmScalar;
import dev.simdnn.core.internal.loss.LossScalar;
import dev.simdnn.core.internal.norm.BatchNormScalar;
import dev.simdnn.core.internal.update.UpdateScalar;

/** The plain-Java twins: the fallback, and the reference that the Vector API kernels are tested against. */
public final class ScalarKernelProvider extends KernelProvider {
    static final ScalarKernelProvider INSTANCE = new ScalarKernelProvider();

    private ScalarKernelProvider() {
        super(Backend.SCALAR, new Blas1Scalar(), new ActivationScalar(), new LossScalar(), new DropoutScalar(),
                new MaxoutScalar(), new BatchNormScalar(), new UpdateScalar(),
                new GemmKernels(new SgemmScalar(), new DgemmScalar()));
    }

    @Override
    public int vectorBitSize() {
        return Float.SIZE;
    }

    @Override
    public String describe() {
        return "plain Java loops (scalar twins)";
    }
}
