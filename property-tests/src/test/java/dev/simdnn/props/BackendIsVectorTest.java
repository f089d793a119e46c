package dev.simdnn.props;

import dev.simdnn.core.Backend;
import dev.simdnn.core.Simd;
import net.jqwik.api.Example;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every property here compares the Vector API kernels with their twins: they must really be active. */
class BackendIsVectorTest {
    @Example
    void vectorApiKernelsAreActive() {
        assertEquals(Backend.PANAMA, Backend.active(), Simd.describe());
    }
}
