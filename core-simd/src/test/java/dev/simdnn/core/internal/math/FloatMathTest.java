package dev.simdnn.core.internal.math;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FloatMath} against double-precision {@link Math} on every 61st float of each range (≈ 1.8·10⁷ points per
 * function), with the bounds its Javadoc states, and on the special values. Its Vector API twin is compared bit for
 * bit through the activation kernels (ActivationTest).
 */
class FloatMathTest {
    private static final int STRIDE = 61;

    /** Error of {@code got} in units of the last place of the correctly rounded float result. */
    private static double ulps(float got, double ref) {
        float rounded = (float) ref;
        return Math.abs(got - ref) / Math.ulp(rounded == 0f ? Float.MIN_VALUE : rounded);
    }

    /** The largest error over every STRIDE-th float in [lo, hi] (both ends included). */
    private static double maxError(float lo, float hi, FloatUnary f, DoubleUnaryOperator ref) {
        double max = 0;
        float worst = Float.NaN;
        for (float x = lo; x < hi; x = stepUp(x)) {
            double e = ulps(f.apply(x), ref.applyAsDouble(x));
            if (e > max) {
                max = e;
                worst = x;
            }
        }
        double e = ulps(f.apply(hi), ref.applyAsDouble(hi));
        System.out.printf("FloatMath on [%s, %s]: max error %.3f ulp at %s%n", lo, hi, Math.max(max, e), worst);
        return Math.max(max, e);
    }

    private static float stepUp(float x) {
        int bits = Float.floatToRawIntBits(x);
        if (x > 0f) {
            return Float.intBitsToFloat(bits + STRIDE);
        }
        int magnitude = bits & 0x7fffffff;
        return magnitude <= STRIDE ? Float.MIN_VALUE * (STRIDE - magnitude) : Float.intBitsToFloat(bits - STRIDE);
    }

    interface FloatUnary {
        float apply(float x);
    }

    @Test
    void expOfNonPositiveIsWithinOneUlp() {
        assertTrue(maxError(-87.33f, 0f, FloatMath::expNonPositive, Math::exp) <= 1.0);
        assertTrue(maxError(-104f, -87.33f, FloatMath::expNonPositive, Math::exp) <= 1.0, "subnormal results");
    }

    @Test
    void expm1IsWithinOneAndAHalfUlps() {
        assertTrue(maxError(-104f, 88.72f, FloatMath::expm1, Math::expm1) <= 1.5);
        assertTrue(maxError(-1e-3f, 1e-3f, FloatMath::expm1, Math::expm1) <= 1.0, "near 0, no cancellation");
    }

    @Test
    void tanhIsWithinTwoUlps() {
        assertTrue(maxError(-20f, 20f, FloatMath::tanh, Math::tanh) <= 2.0);
    }

    @Test
    void log1pIsWithinTwoUlpsOnTheUnitInterval() {
        assertTrue(maxError(0f, 1f, FloatMath::log1pUnit, Math::log1p) <= 2.0);
    }

    @Test
    void sigmoidIsWithinTwoAndAHalfUlps() {
        assertTrue(maxError(-110f, 110f, FloatMath::sigmoid, v -> 1 / (1 + Math.exp(-v))) <= 2.5);
    }

    @Test
    void specialValues() {
        assertEquals(1f, FloatMath.expNonPositive(0f));
        assertEquals(1f, FloatMath.expNonPositive(-0f));
        assertEquals(0f, FloatMath.expNonPositive(Float.NEGATIVE_INFINITY));
        assertEquals(0f, FloatMath.expNonPositive(-1000f));
        assertEquals(Float.MIN_VALUE, FloatMath.expNonPositive(-103.5f), "the smallest subnormal");
        assertTrue(Float.isNaN(FloatMath.expNonPositive(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.expm1(88.73f), "first overflow");
        assertEquals((float) Math.expm1(88.72f), FloatMath.expm1(88.72f), Math.ulp((float) Math.expm1(88.72f)),
                "last finite");
        assertEquals(0f, FloatMath.expm1(0f));
        assertEquals(-1f, FloatMath.expm1(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.expm1(Float.POSITIVE_INFINITY));
        assertEquals(1e-30f, FloatMath.expm1(1e-30f));
        assertTrue(Float.isNaN(FloatMath.expm1(Float.NaN)));
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.tanh(-0f)), "tanh(-0) = -0");
        assertEquals(-1e-30f, FloatMath.tanh(-1e-30f));
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)));
        assertEquals(0f, FloatMath.log1pUnit(0f));
        assertEquals((float) Math.log(2), FloatMath.log1pUnit(1f));
        assertEquals(1e-30f, FloatMath.log1pUnit(1e-30f));
        assertTrue(Float.isNaN(FloatMath.log1pUnit(Float.NaN)));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.sigmoid(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.sigmoid(Float.NaN)));
    }
}
