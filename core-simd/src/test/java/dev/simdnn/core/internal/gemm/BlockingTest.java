package dev.simdnn.core.internal.gemm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The split of a block of rows into MR-row tiles and short tiles ({@link Blocking#shortTileRows}). */
class BlockingTest {
    private static final Blocking AVX2 = new Blocking(5, 16, 1024, 125, 2048);

    @Test
    void rowsEndInTheFewestShortTilesThatMakeThemWhole() {
        assertEquals(12, AVX2.shortTileRows(32, 4), "32 = 4·5 + 3·4");
        assertEquals(8, AVX2.shortTileRows(128, 4), "128 = 24·5 + 2·4");
        assertEquals(0, AVX2.shortTileRows(125, 4), "a multiple of MR has no short tile");
        assertEquals(0, AVX2.shortTileRows(7, 4), "7 cannot be written as 5a + 4b: padded last tile");
        for (int rows = 1; rows <= 400; rows++) {
            int expected = 0;                      // brute force: fewest b with rows - 4b a non-negative multiple of 5
            for (int b = 0; 4 * b <= rows; b++) {
                if ((rows - 4 * b) % 5 == 0) {
                    expected = 4 * b;
                    break;
                }
            }
            assertEquals(expected, AVX2.shortTileRows(rows, 4), "rows=" + rows);
        }
    }

    @Test
    void aKernelWithoutShortTilesPadsAsBefore() {
        for (int rows = 1; rows <= 64; rows++) {
            assertEquals(0, AVX2.shortTileRows(rows, 0), "rows=" + rows);
        }
    }

    @Test
    void inconsistentBlockingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Blocking(5, 16, 1024, 128, 2048));   // MC % MR != 0
    }
}
