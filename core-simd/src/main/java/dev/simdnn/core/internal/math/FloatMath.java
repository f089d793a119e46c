package dev.simdnn.core.internal.math;

/**
 * The float transcendentals of every kernel: {@code exp} on x ≤ 0, {@code expm1}, {@code tanh} and {@code log1p} on
 * [0, 1], written only with correctly rounded IEEE operations (fma, +, −, ×, ÷, min, max, compare, integer bit
 * operations). {@link FloatMathPanama} performs the same operations in the same order lane by lane, so the two
 * give the same bits for every input, on every JIT tier and for every thread split.
 *
 * <p>Why not {@code Math.exp} and {@code lanewise(EXP)}: the Vector API evaluates {@code lanewise(EXP | TANH | …)}
 * with SVML in C2-compiled code and with {@link Math} in code that is not compiled yet, and the two differ by an
 * ulp; which one a call met depended on JIT timing, so a network with sigmoid, tanh or softmax was not bitwise
 * reproducible across runs or thread counts, and the scalar twin differed from the Vector API kernel. Plain
 * arithmetic is also as fast: the polynomial below is a dozen fused multiply-adds per vector.
 *
 * <p>Method (Cephes {@code expf}, {@code tanhf}; Muller, <i>Elementary Functions</i>, ch. 11): both exponentials
 * reduce x = n·ln 2 + r with |r| ≤ ln 2 / 2 (n by the 1.5·2²³ rounding trick, ln 2 split in two for an exact
 * reduction) and evaluate {@code q = e^r − 1} by Cephes' degree-7 minimax polynomial r + r²·P(r).
 * {@code expNonPositive}, the only e^x the kernels need (softmax's x − max, sigmoid's e^−|v|, tanh's e^−2|x|), scales
 * by 2ⁿ⁺⁶⁴ and then 2⁻⁶⁴, so that subnormal results need no special case. {@code expm1}, for every x, scales by 2ⁿ as
 * two powers of two, 2ⁿ·(1 + q) − 1 in one fma, exact for n = 0 (no cancellation near 0).
 * {@code tanh} is Cephes' odd polynomial below |x| = 0.625 and (1 − e)/(1 + e) with e = e^−2|x| above.
 * {@code log1p} on [0, 1] is 2·atanh(s) with s = u/(2 + u), or ln 2 + 2·atanh((u − 1)/(u + 3)) above √2 − 1,
 * by its Taylor series to s⁹ (|s| ≤ 0.172).
 *
 * <p>Accuracy against a double-precision reference on every 61st float of each range ({@code FloatMathTest}, which
 * asserts the bound after each figure): {@code expNonPositive} 0.99 ulp (≤ 1, subnormal results included),
 * {@code expm1} 1.43 (≤ 1.5; 0.5 near 0), {@code tanh} 1.50 (≤ 2), {@code log1p} 1.94 on [0, 1] (≤ 2),
 * {@code sigmoid} 2.36 (≤ 2.5). Special values: NaN gives NaN; expNonPositive(−∞) = 0, expNonPositive(±0) = 1,
 * expm1(−∞) = −1, tanh(±∞) = ±1, expm1(±0) = tanh(±0) = ±0.
 */
public final class FloatMath {
    private FloatMath() {}

    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 9 significant bits (Cephes' C1, C2). */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** 1.5·2²³: x + ROUND rounds x to an integer (ties to even) for |x| < 2²², held in the low mantissa bits. */
    static final float ROUND = 0x1.8p23f;
    static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    /**
     * ROUND + 191: x + ROUND_SCALED rounds x as ROUND does (n·ln 2 is never a tie: LOG2E's odd 24-bit significand
     * times a float is never an odd multiple of ½ below 2²²), and for n in [−150, 0] its low 9 bits are n + 191,
     * the biased exponent of 2ⁿ⁺⁶⁴, which a shift by 23 moves into place.
     */
    static final float ROUND_SCALED = ROUND + 191f;
    /** Undoes expNonPositive's 2⁶⁴, rounding subnormal results once. */
    static final float TWO_TO_MINUS_64 = 0x1p-64f;
    /** exp(−104) rounds to 0 and exp(89) overflows: clamping there keeps n in [−150, 129]. */
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 89f;
    /** Below 2⁻²⁵, expm1 x and tanh x round to x itself; returning x keeps the sign of −0 (C99 F.10). */
    static final float TINY = 0x1p-25f;
    /** Cephes expf's P(r), highest degree first: e^r ≈ 1 + r + r²·P(r) on |r| ≤ ln 2 / 2. */
    static final float E5 = 1.9875691500E-4f, E4 = 1.3981999507E-3f, E3 = 8.3334519073E-3f,
            E2 = 4.1665795894E-2f, E1 = 1.6666665459E-1f, E0 = 5.0000001201E-1f;
    /** Cephes tanhf's odd polynomial: tanh x ≈ x + x³·T(x²) for |x| < 0.625. */
    static final float TANH_SMALL = 0.625f;
    static final float T4 = -5.70498872745E-3f, T3 = 2.06390887954E-2f, T2 = -5.37397155531E-2f,
            T1 = 1.33314422036E-1f, T0 = -3.33332819422E-1f;
    /** √2 − 1: above it log1p reduces 1 + u by 2. */
    static final float LOG1P_SPLIT = 0.41421356f;
    static final float LN2 = 0.6931471805599453f;
    static final float L4 = 1f / 9f, L3 = 1f / 7f, L2 = 1f / 5f, L1 = 1f / 3f;

    /**
     * e^x for x ≤ 0 (and NaN, which gives NaN; above 0 the result is not specified). 2ⁿ⁺⁶⁴·(1 + q)·2⁻⁶⁴ for
     * x = n·ln 2 + r: the product before the last step is a normal float for every n in [−150, 0], so only the last
     * multiplication can round into the subnormal range, once. One power of two, built by a shift alone, instead of
     * the two that a full-range exp needs: the Vector API twin is 7 vector operations shorter, which keeps the
     * tanh and sigmoid loops within what C2 inlines (see FloatMathPanama).
     */
    public static float expNonPositive(float x) {
        float v = Math.max(x, EXP_MIN);
        float t = Math.fma(v, LOG2E, ROUND_SCALED);
        float q = expm1Reduced(reduce(v, t - ROUND_SCALED));
        float s = Float.intBitsToFloat(Float.floatToRawIntBits(t) << 23);
        return Math.fma(s, q, s) * TWO_TO_MINUS_64;
    }

    /**
     * e^x − 1, accurate near 0: 2^k·(1 + q) − 1 for x = k·ln 2 + r and q = e^r − 1, with 2^k applied as 2^k1·2^k2
     * (k1 = ⌊k/2⌋) so that the whole float range needs no special case, and minus one folded into the same fma as
     * 2^k1·(1 + q) − 2^−k2, which for k = 0 is q itself (no cancellation near 0).
     */
    public static float expm1(float x) {
        float v = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = Math.fma(v, LOG2E, ROUND);
        int k = Float.floatToRawIntBits(t) - ROUND_BITS;
        float q = expm1Reduced(reduce(v, t - ROUND));
        int k1 = k >> 1, k2 = k - k1;
        float s1 = powerOfTwo(k1);
        float y = Math.fma(s1, q, s1 - powerOfTwo(-k2)) * powerOfTwo(k2);
        return Math.abs(x) < TINY ? x : y;
    }

    /** tanh x. */
    public static float tanh(float x) {
        float a = Math.abs(x);
        if (a < TINY) {
            return x;
        }
        if (a < TANH_SMALL) {
            float s = x * x;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(T4, s, T3), s, T2), s, T1), s, T0);
            return Math.fma(p * s, x, x);
        }
        float e = expNonPositive(a * -2f);
        float t = (1f - e) / (1f + e);
        return x < 0f ? -t : t;
    }

    /**
     * log(1 + u) for u in [0, 1], the range where softplus and binary cross-entropy need it (u = e^−|v|);
     * outside [0, 1] the result is not specified beyond NaN for NaN.
     */
    public static float log1pUnit(float u) {
        float s;
        float offset;
        if (u > LOG1P_SPLIT) {
            s = (u - 1f) / (u + 3f);
            offset = LN2;
        } else {
            s = u / (u + 2f);
            offset = 0f;
        }
        float w = s * s;
        float p = Math.fma(Math.fma(Math.fma(L4, w, L3), w, L2), w, L1) * w;
        float twoS = s + s;
        return Math.fma(twoS, p, twoS) + offset;
    }

    /** Softplus, log(1 + e^v) = max(v, 0) + log(1 + e^−|v|): never overflows, exact to a few ulps. */
    public static float softplus(float v) {
        return Math.max(v, 0f) + log1pUnit(expNonPositive(-Math.abs(v)));
    }

    /**
     * 1/(1 + e^−v) without overflow: from e = e^−|v| ≤ 1, 1/(1 + e) for v ≥ 0 and e/(1 + e) below (one division
     * of the selected numerator, in the vector twin too).
     */
    public static float sigmoid(float v) {
        return sigmoidOfExp(v, expNonPositive(-Math.abs(v)));
    }

    /**
     * {@link #sigmoid}'s last step, for callers that need e = e^−|v| themselves too (binary cross-entropy, GELU′):
     * the selected numerator over 1 + e.
     */
    public static float sigmoidOfExp(float v, float e) {
        return (v >= 0f ? 1f : e) / (1f + e);
    }

    /** r = v − n·ln 2, exact to float rounding for the n that the reduction picks. */
    static float reduce(float v, float n) {
        return Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, v));
    }

    /** e^r − 1 = r + r²·P(r) on |r| ≤ ln 2 / 2. */
    static float expm1Reduced(float r) {
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E5, r, E4), r, E3), r, E2), r, E1), r, E0);
        return Math.fma(p, r * r, r);
    }

    /** 2^k for k in [−126, 127], from its bits. */
    static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }
}
