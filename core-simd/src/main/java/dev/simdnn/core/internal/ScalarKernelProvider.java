package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import dev.simdnn.core.internal.elementwise.ActivationKernels;
import dev.simdnn.core.internal.elementwise.ActivationScalar;
import dev.simdnn.core.internal.blas1.Blas1Scalar;
import dev.simdnn.core.internal.gemm.DgemmScalar;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.core.internal.norm.BatchNormKernels;
import dev.simdnn.core.internal.norm.BatchNormScalar;
import dev.simdnn.core.internal.elementwise.MaxoutKernels;
import dev.simdnn.core.internal.elementwise.MaxoutScalar;
import dev.simdnn.core.internal.elementwise.DropoutKernels;
import dev.simdnn.core.internal.elementwise.DropoutScalar;
import dev.simdnn.core.internal.loss.LossKernels;
import dev.simdnn.core.internal.loss.LossScalar;
import dev.simdnn.core.internal.gemm.SgemmScalar;

/** The plain-Java twins: the fallback, and the reference that the Vector API kernels are tested against. */
public final class ScalarKernelProvider implements KernelProvider {
    static final ScalarKernelProvider INSTANCE = new ScalarKernelProvider();

    private final Blas1Kernels blas1 = new Blas1Scalar();
    private final ActivationKernels activations = new ActivationScalar();
    private final LossKernels losses = new LossScalar();
    private final DropoutKernels dropout = new DropoutScalar();
    private final MaxoutKernels maxout = new MaxoutScalar();
    private final BatchNormKernels batchNorm = new BatchNormScalar();
    private final GemmKernels gemm = new GemmKernels(new SgemmScalar(), new DgemmScalar());

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

    @Override
    public GemmKernels gemm() {
        return gemm;
    }

    @Override
    public ActivationKernels activations() {
        return activations;
    }

    @Override
    public LossKernels losses() {
        return losses;
    }

    @Override
    public DropoutKernels dropout() {
        return dropout;
    }

    @Override
    public MaxoutKernels maxout() {
        return maxout;
    }

    @Override
    public BatchNormKernels batchNorm() {
        return batchNorm;
    }
}
