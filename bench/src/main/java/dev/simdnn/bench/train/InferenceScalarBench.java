package dev.simdnn.bench.train;

import dev.simdnn.core.Backend;
import org.openjdk.jmh.annotations.Fork;

/** {@link InferenceBench} on the scalar twins. */
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g",
        "-Dsimdnn.backend=scalar", "-Dsimdnn.requireBackend=scalar"})
public class InferenceScalarBench extends InferenceBench {
    @Override
    protected Backend expectedBackend() {
        return Backend.SCALAR;
    }
}
