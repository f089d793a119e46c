package dev.simdnn.props.blas1;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.blas1.Blas1Kernels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Level-1 kernels: Vector API twin against the scalar twin and a double reference. */
class Blas1Properties {
    private static final Blas1Kernels SCALAR = KernelProviders.scalar().blas1();
    private static final Blas1Kernels PANAMA = KernelProviders.panama().blas1();

    @Property
    void dotIsWithinTheSummationBoundOnBothTwins(
            @ForAll @Size(max = 300) List<@FloatRange(min = -1e3f, max = 1e3f) Float> values,
            @ForAll @IntRange(max = 5) int offset) {
        int n = values.size();
        float[] x = new float[n + offset], y = new float[n + offset];
        double exact = 0, magnitude = 0;
        for (int i = 0; i < n; i++) {
            x[offset + i] = values.get(i);
            y[offset + i] = values.get(n - 1 - i);
            exact += (double) x[offset + i] * y[offset + i];
            magnitude += Math.abs((double) x[offset + i] * y[offset + i]);
        }
        double bound = Math.max(n, 1) * 0x1p-24 * magnitude + Float.MIN_NORMAL;
        for (Blas1Kernels k : List.of(SCALAR, PANAMA)) {
            float got = k.dot(n, x, offset, y, offset);
            assertTrue(Math.abs(got - exact) <= bound, got + " vs " + exact + " (bound " + bound + ")");
        }
    }

    @Property
    void axpyIsBitwiseEqualBetweenTwins(
            @ForAll @Size(max = 300) List<@FloatRange(min = -1e3f, max = 1e3f) Float> values,
            @ForAll @FloatRange(min = -10, max = 10) float a) {
        int n = values.size();
        float[] x = new float[n], y1 = new float[n], y2 = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = values.get(i);
            y1[i] = y2[i] = values.get(n - 1 - i) * 0.5f;
        }
        SCALAR.axpy(n, a, x, 0, y1, 0);
        PANAMA.axpy(n, a, x, 0, y2, 0);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(y1[i]), Float.floatToIntBits(y2[i]), "i=" + i);
        }
    }
}
