package dev.simdnn.core.internal;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.blas1.Blas1Panama;
import dev.simdnn.core.internal.blas1.Blas1Scalar;
import dev.simdnn.core.internal.elementwise.ActivationPanama;
import dev.simdnn.core.internal.elementwise.DropoutPanama;
import dev.simdnn.core.internal.elementwise.MaxoutPanama;
import dev.simdnn.core.internal.gemm.DgemmPanama;
import dev.simdnn.core.internal.gemm.GemmKernels;
import dev.simdnn.core.internal.gemm.SgemmPanama;
import dev.simdnn.core.internal.loss.LossPanama;
import dev.simdnn.core.internal.norm.BatchNormPanama;
import dev.simdnn.core.internal.update.UpdatePanama;

/**
 * The Vector API kernels. Instantiated only by {@link KernelProviders}, reflectively, after it has checked
 * that {@code jdk.incubator.vector} is in the boot layer and C2 is on. The constructor checks the rest
 * and throws {@link UnsupportedOperationException} (with the reason) to make the provider fall back.
 */
public final class PanamaKernelProvider extends KernelProvider {

    /** Refuses vectors narrower than 128 or wider than 512 bits and runs a small self-check against the scalar twins. */
    public PanamaKernelProvider() {
        super(Backend.PANAMA, new Blas1Panama(), new ActivationPanama(), new LossPanama(), new DropoutPanama(),
                new MaxoutPanama(), new BatchNormPanama(), new UpdatePanama(),
                new GemmKernels(new SgemmPanama(), new DgemmPanama()));
        int bits = PanamaSpecies.FLOAT.vectorBitSize();
        if (bits < 128 || bits > 512) {
            throw new UnsupportedOperationException("preferred vector size is " + bits
                    + " bits; the kernels are written for 128 to 512 (the lane sums and tiles assume at most 16 floats)");
        }
        selfCheck();
    }

    private void selfCheck() {
        float[] x = new float[67];
        float[] y = new float[67];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) - 3;       // small integers: every partial sum is exact in float
            y[i] = (i % 5) - 2;
        }
        float expected = new Blas1Scalar().dot(x.length, x, 0, y, 0);
        float actual = blas1().dot(x.length, x, 0, y, 0);
        if (expected != actual) {
            throw new UnsupportedOperationException("self-check failed: Vector API dot gave " + actual
                    + ", scalar gave " + expected);
        }
    }

    @Override
    public int vectorBitSize() {
        return PanamaSpecies.FLOAT.vectorBitSize();
    }

    @Override
    public String describe() {
        return PanamaSpecies.FLOAT.vectorBitSize() + "-bit vectors (float x" + PanamaSpecies.FLOAT.length()
                + ", double x" + PanamaSpecies.DOUBLE.length() + "), " + PanamaSpecies.FLOAT;
    }
}
