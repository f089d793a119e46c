package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import dev.simdnn.core.internal.elementwise.ActivationKernels;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.core.internal.norm.BatchNormKernels;
import dev.simdnn.core.internal.elementwise.MaxoutKernels;
import dev.simdnn.core.internal.elementwise.DropoutKernels;
import dev.simdnn.core.internal.loss.LossKernels;

/**
 * One implementation of every kernel family. Two exist: {@link ScalarKernelProvider} (plain Java, always
 * loadable) and {@code PanamaKernelProvider} (Vector API, loaded reflectively and only when
 * {@code jdk.incubator.vector} is present, so that no class of it is touched otherwise).
 */
public interface KernelProvider {
    /** Which twin this is. */
    Backend backend();

    /** Vector width of its kernels in bits (32 for the scalar twins). */
    int vectorBitSize();

    /** Short description of widths and species, for {@link dev.simdnn.core.Simd#describe()}. */
    String describe();

    /** Level-1 operations (dot, sum, axpy, ...). */
    Blas1Kernels blas1();

    /** Activation functions, forward and backward. */
    ActivationKernels activations();

    /** Softmax and losses. */
    LossKernels losses();

    /** Inverted dropout with a counter-based generator. */
    DropoutKernels dropout();

    /** Maxout forward and backward. */
    MaxoutKernels maxout();

    /** Batch normalisation. */
    BatchNormKernels batchNorm();

    /** Packed, blocked GEMM (float and double). */
    GemmKernels gemm();
}
