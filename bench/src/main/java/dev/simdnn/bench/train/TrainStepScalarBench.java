package dev.simdnn.bench.train;

import dev.simdnn.core.Backend;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/** {@link TrainStepBench} on the scalar twins ({@code -Dsimdnn.backend=scalar}): the Vector path's baseline. */
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g",
        "-Dsimdnn.backend=scalar", "-Dsimdnn.requireBackend=scalar"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TrainStepScalarBench extends TrainStepBench {
    @Override
    protected Backend expectedBackend() {
        return Backend.SCALAR;
    }
}
