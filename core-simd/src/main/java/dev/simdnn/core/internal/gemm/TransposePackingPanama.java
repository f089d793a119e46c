package dev.simdnn.core.internal.gemm;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two strided {@link Packing} layouts, A not transposed and B transposed, as transposes in registers, for
 * 16-lane float vectors (AVX-512). Each stored row is contiguous in the depth p while a packed micro-panel is
 * contiguous across rows, so the scalar packer moves one float per load and store. Here blocks of 8 (A, MR = 8) or
 * 16 rows (B, 16 of the NR = 32 columns) by 16 depths are loaded as one vector per row and transposed by rounds of
 * two-vector {@code selectFrom} (one {@code vpermt2ps} each): each round interleaves blocks of w = 1, 2, 4 (and 8)
 * lanes of two vectors, which makes row bits lane bits. Depths past the last whole 16 and narrower blocks take the
 * scalar code. The values and their places are those {@link Packing} writes, so products keep their bits.
 *
 * <p>On Zen 5 the 8 x 32 micro-kernel runs ~195 GFLOPS and the scalar transposes cost 0.2–0.3 ns per float: packing
 * B for 256 x 512 x 512 (NT) was ~10 % of the call, 75 µs of 710.
 */
final class TransposePackingPanama {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;

    /** Whether this CPU's float vectors have the 16 lanes the transposes are written for. */
    static final boolean AVAILABLE = S.length() == 16;

    private static final int L = 16;
    private static final float[] LOW1 = interleave(1, false), HIGH1 = interleave(1, true);
    private static final float[] LOW2 = interleave(2, false), HIGH2 = interleave(2, true);
    private static final float[] LOW4 = interleave(4, false), HIGH4 = interleave(4, true);
    private static final float[] LOW8 = interleave(8, false), HIGH8 = interleave(8, true);

    private TransposePackingPanama() {}

    /**
     * The lane indices of {@code idx.selectFrom(a, b)} (b's lanes numbered L..2L−1) that interleave blocks of
     * {@code w} lanes of a and b, taken from the lower (or upper) halves of both: a[0..w), b[0..w), a[w..2w), ...
     */
    static float[] interleave(int w, boolean upper) {
        float[] index = new float[L];
        for (int j = 0; j < L; j++) {
            int pair = j / (2 * w), within = j % (2 * w);
            int lane = (upper ? L / 2 : 0) + pair * w + within % w;
            index[j] = within < w ? lane : L + lane;
        }
        return index;
    }

    /**
     * {@link Packing#packA} for op(A) = A and mr = 8: whole micro-panels transposed in registers, a partial last
     * panel by {@link Packing}.
     */
    static void packA(float[] a, int aOff, int lda, int row0, int rows, int p0, int kc, float[] pa, int paOff) {
        int whole = rows / 8 * 8;
        for (int i = 0, base = paOff; i < whole; i += 8, base += 8 * kc) {
            packEightRows(a, aOff + (row0 + i) * lda + p0, lda, kc, pa, base);
        }
        if (whole < rows) {
            Packing.packA(false, a, aOff, lda, row0 + whole, rows - whole, p0, kc, 8, pa, paOff + whole * kc);
        }
    }

    /**
     * {@link Packing#packB} for op(B) = Bᵀ and nr = 32: whole 16-column halves of a panel transposed in registers,
     * the rest of a partial panel by {@link Packing}.
     */
    static void packB(float[] b, int bOff, int ldb, int p0, int kc, int col0, int cols, float[] pb, int pbOff) {
        int nr = 2 * L;
        for (int j = 0, base = pbOff; j < cols; j += nr, base += nr * kc) {
            int w = Math.min(nr, cols - j), c = 0;
            for (; c + L <= w; c += L) {
                packSixteenRows(b, bOff + (col0 + j + c) * ldb + p0, ldb, kc, pb, base + c);
            }
            if (c < w || w < nr) {
                Packing.packTransposedColumns(b, bOff, ldb, p0, kc, col0 + j, c, w, nr, pb, base);
            }
        }
    }

    /**
     * Eight stored rows from {@code src} (stride lda), depths 0..kc−1, to {@code pa[dst + p·8 + r]}. Per 16 depths:
     * eight loads, three rounds of eight selects, eight stores of two depths each.
     */
    private static void packEightRows(float[] a, int src, int lda, int kc, float[] pa, int dst) {
        FloatVector lo1 = FloatVector.fromArray(S, LOW1, 0), hi1 = FloatVector.fromArray(S, HIGH1, 0);
        FloatVector lo2 = FloatVector.fromArray(S, LOW2, 0), hi2 = FloatVector.fromArray(S, HIGH2, 0);
        FloatVector lo4 = FloatVector.fromArray(S, LOW4, 0), hi4 = FloatVector.fromArray(S, HIGH4, 0);
        int p = 0;
        for (; p + L <= kc; p += L) {
            int s = src + p, d = dst + p * 8;
            FloatVector r0 = FloatVector.fromArray(S, a, s);
            FloatVector r1 = FloatVector.fromArray(S, a, s + lda);
            FloatVector r2 = FloatVector.fromArray(S, a, s + 2 * lda);
            FloatVector r3 = FloatVector.fromArray(S, a, s + 3 * lda);
            FloatVector r4 = FloatVector.fromArray(S, a, s + 4 * lda);
            FloatVector r5 = FloatVector.fromArray(S, a, s + 5 * lda);
            FloatVector r6 = FloatVector.fromArray(S, a, s + 6 * lda);
            FloatVector r7 = FloatVector.fromArray(S, a, s + 7 * lda);
            // round 1, pairs of rows: t{rows}{depth half}, lane = (depth, row bit 0)
            FloatVector t01l = lo1.selectFrom(r0, r1), t01h = hi1.selectFrom(r0, r1);
            FloatVector t23l = lo1.selectFrom(r2, r3), t23h = hi1.selectFrom(r2, r3);
            FloatVector t45l = lo1.selectFrom(r4, r5), t45h = hi1.selectFrom(r4, r5);
            FloatVector t67l = lo1.selectFrom(r6, r7), t67h = hi1.selectFrom(r6, r7);
            // round 2, quads of rows: u{rows}{depth quarter}, lane = (depth, row bits 1..0)
            FloatVector u03a = lo2.selectFrom(t01l, t23l), u03b = hi2.selectFrom(t01l, t23l);
            FloatVector u03c = lo2.selectFrom(t01h, t23h), u03d = hi2.selectFrom(t01h, t23h);
            FloatVector u47a = lo2.selectFrom(t45l, t67l), u47b = hi2.selectFrom(t45l, t67l);
            FloatVector u47c = lo2.selectFrom(t45h, t67h), u47d = hi2.selectFrom(t45h, t67h);
            // round 3, all eight rows: lane = (depth bit 0, row), two depths per vector
            lo4.selectFrom(u03a, u47a).intoArray(pa, d);
            hi4.selectFrom(u03a, u47a).intoArray(pa, d + L);
            lo4.selectFrom(u03b, u47b).intoArray(pa, d + 2 * L);
            hi4.selectFrom(u03b, u47b).intoArray(pa, d + 3 * L);
            lo4.selectFrom(u03c, u47c).intoArray(pa, d + 4 * L);
            hi4.selectFrom(u03c, u47c).intoArray(pa, d + 5 * L);
            lo4.selectFrom(u03d, u47d).intoArray(pa, d + 6 * L);
            hi4.selectFrom(u03d, u47d).intoArray(pa, d + 7 * L);
        }
        for (; p < kc; p++) {
            for (int r = 0; r < 8; r++) {
                pa[dst + p * 8 + r] = a[src + r * lda + p];
            }
        }
    }

    /**
     * Sixteen stored rows from {@code src} (stride ldb), depths 0..kc−1, to {@code pb[dst + p·32 + c]}: four rounds
     * of sixteen selects per 16 depths, one store per depth. Two eight-row halves go through rounds 1–3 as in
     * {@link #packEightRows}; round 4 joins them (lane = row).
     */
    private static void packSixteenRows(float[] b, int src, int ldb, int kc, float[] pb, int dst) {
        FloatVector lo1 = FloatVector.fromArray(S, LOW1, 0), hi1 = FloatVector.fromArray(S, HIGH1, 0);
        FloatVector lo2 = FloatVector.fromArray(S, LOW2, 0), hi2 = FloatVector.fromArray(S, HIGH2, 0);
        FloatVector lo4 = FloatVector.fromArray(S, LOW4, 0), hi4 = FloatVector.fromArray(S, HIGH4, 0);
        FloatVector lo8 = FloatVector.fromArray(S, LOW8, 0), hi8 = FloatVector.fromArray(S, HIGH8, 0);
        int nr = 2 * L, p = 0;
        for (; p + L <= kc; p += L) {
            int s = src + p, d = dst + p * nr;
            // rows 0..7, rounds 1 and 2
            FloatVector x0 = FloatVector.fromArray(S, b, s), x1 = FloatVector.fromArray(S, b, s + ldb);
            FloatVector t01l = lo1.selectFrom(x0, x1), t01h = hi1.selectFrom(x0, x1);
            x0 = FloatVector.fromArray(S, b, s + 2 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 3 * ldb);
            FloatVector t23l = lo1.selectFrom(x0, x1), t23h = hi1.selectFrom(x0, x1);
            FloatVector u03a = lo2.selectFrom(t01l, t23l), u03b = hi2.selectFrom(t01l, t23l);
            FloatVector u03c = lo2.selectFrom(t01h, t23h), u03d = hi2.selectFrom(t01h, t23h);
            x0 = FloatVector.fromArray(S, b, s + 4 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 5 * ldb);
            t01l = lo1.selectFrom(x0, x1);
            t01h = hi1.selectFrom(x0, x1);
            x0 = FloatVector.fromArray(S, b, s + 6 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 7 * ldb);
            t23l = lo1.selectFrom(x0, x1);
            t23h = hi1.selectFrom(x0, x1);
            FloatVector u47a = lo2.selectFrom(t01l, t23l), u47b = hi2.selectFrom(t01l, t23l);
            FloatVector u47c = lo2.selectFrom(t01h, t23h), u47d = hi2.selectFrom(t01h, t23h);
            // round 3, rows 0..7: two depths per vector (depths 0-1, 2-3, ..., 14-15)
            FloatVector o0 = lo4.selectFrom(u03a, u47a), o1 = hi4.selectFrom(u03a, u47a);
            FloatVector o2 = lo4.selectFrom(u03b, u47b), o3 = hi4.selectFrom(u03b, u47b);
            FloatVector o4 = lo4.selectFrom(u03c, u47c), o5 = hi4.selectFrom(u03c, u47c);
            FloatVector o6 = lo4.selectFrom(u03d, u47d), o7 = hi4.selectFrom(u03d, u47d);
            // rows 8..15, rounds 1 and 2
            x0 = FloatVector.fromArray(S, b, s + 8 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 9 * ldb);
            t01l = lo1.selectFrom(x0, x1);
            t01h = hi1.selectFrom(x0, x1);
            x0 = FloatVector.fromArray(S, b, s + 10 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 11 * ldb);
            t23l = lo1.selectFrom(x0, x1);
            t23h = hi1.selectFrom(x0, x1);
            u03a = lo2.selectFrom(t01l, t23l);
            u03b = hi2.selectFrom(t01l, t23l);
            u03c = lo2.selectFrom(t01h, t23h);
            u03d = hi2.selectFrom(t01h, t23h);
            x0 = FloatVector.fromArray(S, b, s + 12 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 13 * ldb);
            t01l = lo1.selectFrom(x0, x1);
            t01h = hi1.selectFrom(x0, x1);
            x0 = FloatVector.fromArray(S, b, s + 14 * ldb);
            x1 = FloatVector.fromArray(S, b, s + 15 * ldb);
            t23l = lo1.selectFrom(x0, x1);
            t23h = hi1.selectFrom(x0, x1);
            u47a = lo2.selectFrom(t01l, t23l);
            u47b = hi2.selectFrom(t01l, t23l);
            u47c = lo2.selectFrom(t01h, t23h);
            u47d = hi2.selectFrom(t01h, t23h);
            // rounds 3 and 4, rows 8..15 joined to rows 0..7: one depth of all sixteen rows per vector
            FloatVector q = lo4.selectFrom(u03a, u47a);
            lo8.selectFrom(o0, q).intoArray(pb, d);
            hi8.selectFrom(o0, q).intoArray(pb, d + nr);
            q = hi4.selectFrom(u03a, u47a);
            lo8.selectFrom(o1, q).intoArray(pb, d + 2 * nr);
            hi8.selectFrom(o1, q).intoArray(pb, d + 3 * nr);
            q = lo4.selectFrom(u03b, u47b);
            lo8.selectFrom(o2, q).intoArray(pb, d + 4 * nr);
            hi8.selectFrom(o2, q).intoArray(pb, d + 5 * nr);
            q = hi4.selectFrom(u03b, u47b);
            lo8.selectFrom(o3, q).intoArray(pb, d + 6 * nr);
            hi8.selectFrom(o3, q).intoArray(pb, d + 7 * nr);
            q = lo4.selectFrom(u03c, u47c);
            lo8.selectFrom(o4, q).intoArray(pb, d + 8 * nr);
            hi8.selectFrom(o4, q).intoArray(pb, d + 9 * nr);
            q = hi4.selectFrom(u03c, u47c);
            lo8.selectFrom(o5, q).intoArray(pb, d + 10 * nr);
            hi8.selectFrom(o5, q).intoArray(pb, d + 11 * nr);
            q = lo4.selectFrom(u03d, u47d);
            lo8.selectFrom(o6, q).intoArray(pb, d + 12 * nr);
            hi8.selectFrom(o6, q).intoArray(pb, d + 13 * nr);
            q = hi4.selectFrom(u03d, u47d);
            lo8.selectFrom(o7, q).intoArray(pb, d + 14 * nr);
            hi8.selectFrom(o7, q).intoArray(pb, d + 15 * nr);
        }
        for (; p < kc; p++) {
            for (int r = 0; r < L; r++) {
                pb[dst + p * nr + r] = b[src + r * ldb + p];
            }
        }
    }
}
