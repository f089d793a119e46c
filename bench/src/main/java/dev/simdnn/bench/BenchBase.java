package dev.simdnn.bench;

import dev.simdnn.core.Backend;
import dev.simdnn.core.internal.KernelProvider;
import dev.simdnn.core.internal.KernelProviders;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Base of every simdnn benchmark: every forked JVM gets the Vector API module, and the backend under test is
 * a {@code @Param}, chosen explicitly (never "whatever is active"), so each kernel runs beside its twin in one
 * run. Subclasses verify their result against the scalar twin in {@code @Setup}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BenchBase {
    @Param({"PANAMA", "SCALAR"})
    public Backend backend;

    /** The provider for {@link #backend}; fails the run if the Vector API is not really there. */
    protected KernelProvider provider() {
        return backend == Backend.PANAMA ? KernelProviders.panama() : KernelProviders.scalar();
    }
}
