package dev.simdnn.optim.linalg;

import dev.simdnn.layers.init.SeededRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {
    @Test
    void knownTwoByTwo() {
        SymmetricEigen e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
        assertEquals(3, e.values()[0], 1e-14);
        assertEquals(1, e.values()[1], 1e-14);
        assertEquals(3, e.conditionNumber(), 1e-13);
    }

    /** A = V·diag(λ)·Vᵀ and VᵀV = I to 1e-12 on a random symmetric 40 x 40 matrix. */
    @Test
    void reconstructsRandomSymmetricMatrices() {
        int n = 40;
        SeededRandom r = new SeededRandom(3);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = a[j * n + i] = r.nextGaussian();
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a, n);
        double[] v = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0, o = 0;
                for (int k = 0; k < n; k++) {
                    s += v[i * n + k] * e.values()[k] * v[j * n + k];
                    o += v[k * n + i] * v[k * n + j];
                }
                assertEquals(a[i * n + j], s, 1e-12, "A(" + i + "," + j + ")");
                assertEquals(i == j ? 1 : 0, o, 1e-12, "VᵀV(" + i + "," + j + ")");
            }
        }
        for (int k = 1; k < n; k++) {
            assertTrue(e.values()[k - 1] >= e.values()[k]);
        }
        assertTrue(e.sweeps() <= 12, e.sweeps() + " sweeps");
    }

    @Test
    void rejectsAsymmetricAndNonFiniteInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[] {1, 2, 3, 4}, 2))
                .getMessage().startsWith("matrix is not symmetric at (0, 1)"));
        assertEquals("matrix entry (1, 1) is NaN", assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[] {1, 0, 0, Double.NaN}, 2)).getMessage());
    }
}
