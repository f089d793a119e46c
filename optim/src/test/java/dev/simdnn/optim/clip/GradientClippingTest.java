package dev.simdnn.optim.clip;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientClippingTest {
    private static float[] random(SplittableRandom rnd, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rnd.nextGaussian() * scale);
        return a;
    }

    @Test
    void globalNormClippingKeepsTheDirectionAndBoundsTheNorm() {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] buffer = random(rnd, 1000, 1);
        List<Tensor> views = List.of(new Tensor(buffer, 0, 300), new Tensor(buffer, 300, 700));
        float[] before = buffer.clone();
        double norm = GradientClipping.byGlobalNorm(views, 5.0);
        double expectedNorm = 0;
        for (float v : before) expectedNorm += (double) v * v;
        assertEquals(Math.sqrt(expectedNorm), norm, 1e-5 * norm);
        assertEquals(5.0, GradientClipping.globalNorm(views), 1e-5, "clipped to the threshold");
        double scale = buffer[0] / before[0];
        for (int i = 0; i < buffer.length; i++) {
            assertEquals(before[i] * scale, buffer[i], 1e-6 * Math.abs(before[i]) + 1e-12, "same direction at " + i);
        }
        float[] small = random(rnd, 50, 0.01);
        float[] copy = small.clone();
        GradientClipping.byGlobalNorm(List.of(Tensor.of(small)), 5.0);
        assertArrayEquals(copy, small, "below the threshold nothing changes");
    }

    @Test
    void normaliseAlwaysRescalesPerTensorAndByValueClamps() {
        SplittableRandom rnd = new SplittableRandom(2);
        float[] g = random(rnd, 100, 0.01);
        GradientClipping.normalise(List.of(Tensor.of(g)), 2.0);
        assertEquals(2.0, GradientClipping.globalNorm(List.of(Tensor.of(g))), 1e-5, "the chapter's form scales up too");
        float[] a = random(rnd, 10, 10), b = random(rnd, 10, 0.001);
        float[] b0 = b.clone();
        GradientClipping.byNormPerTensor(List.of(Tensor.of(a), Tensor.of(b)), 1.0);
        assertTrue(GradientClipping.globalNorm(List.of(Tensor.of(a))) <= 1.0 + 1e-6);
        assertArrayEquals(b0, b, "each tensor by its own norm");
        float[] v = {-5f, -0.5f, 0f, 0.5f, 5f, Float.NaN};
        GradientClipping.byValue(Tensor.of(v), 1f);
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, Float.NaN}, v);
    }

    @Test
    void aNanGradientIsNeverHidden() {
        float[] g = {1f, 2f, Float.NaN, 3f};
        double norm = GradientClipping.byGlobalNorm(List.of(Tensor.of(g)), 1.0);
        assertTrue(Double.isNaN(norm));
        for (float v : g) assertTrue(Float.isNaN(v), "NaN everywhere after clipping by a NaN norm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientClipping.byGlobalNorm(List.of(Tensor.of(new float[1])), 0));
        assertEquals("norm threshold must be finite and > 0, got 0.0", e.getMessage());
    }
}
