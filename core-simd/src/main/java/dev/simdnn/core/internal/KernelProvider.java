package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import dev.simdnn.core.internal.elementwise.ActivationKernels;
import dev.simdnn.core.internal.elementwise.DropoutKernels;
import dev.simdnn.core.internal.elementwise.MaxoutKernels;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.core.internal.loss.LossKernels;
import dev.simdnn.core.internal.norm.BatchNormKernels;
import dev.simdnn.core.internal.update.UpdateKernels;

/**
 * One implementation of every kernel family. Two exist: {@link ScalarKernelProvider} (plain Java, always
 * loadable) and {@code PanamaKernelProvider} (Vector API, loaded reflectively and only when
 * {@code jdk.incubator.vector} is present, so that no class of it is touched otherwise). Each passes its twins
 * of the families to this constructor; adding a family means one parameter here and one argument in each.
 */
public abstract class KernelProvider {
    private final Backend backend;
    private final Blas1Kernels blas1;
    private final ActivationKernels activations;
    private final LossKernels losses;
    private final DropoutKernels dropout;
    private final MaxoutKernels maxout;
    private final BatchNormKernels batchNorm;
    private final UpdateKernels updates;
    private final GemmKernels gemm;

    protected KernelProvider(Backend backend, Blas1Kernels blas1, ActivationKernels activations, LossKernels losses,
                             DropoutKernels dropout, MaxoutKernels maxout, BatchNormKernels batchNorm,
                             UpdateKernels updates, GemmKernels gemm) {
        this.backend = backend;
        this.blas1 = blas1;
        this.activations = activations;
        this.losses = losses;
        this.dropout = dropout;
        this.maxout = maxout;
        this.batchNorm = batchNorm;
        this.updates = updates;
        this.gemm = gemm;
    }

    /** Vector width of its kernels in bits (32 for the scalar twins). */
    public abstract int vectorBitSize();

    /** Short description of widths and species, for {@link dev.simdnn.core.Simd#describe()}. */
    public abstract String describe();

    /** Which twin this is. */
    public final Backend backend() {
        return backend;
    }

    /** Level-1 operations (dot, sum, max, axpy, ...). */
    public final Blas1Kernels blas1() {
        return blas1;
    }

    /** Activation functions, forward and backward. */
    public final ActivationKernels activations() {
        return activations;
    }

    /** Softmax and losses. */
    public final LossKernels losses() {
        return losses;
    }

    /** Inverted dropout with a counter-based generator. */
    public final DropoutKernels dropout() {
        return dropout;
    }

    /** Maxout forward and backward. */
    public final MaxoutKernels maxout() {
        return maxout;
    }

    /** Batch normalisation. */
    public final BatchNormKernels batchNorm() {
        return batchNorm;
    }

    /** Per-parameter optimizer updates. */
    public final UpdateKernels updates() {
        return updates;
    }

    /** Packed, blocked GEMM (float and double). */
    public final GemmKernels gemm() {
        return gemm;
    }
}
