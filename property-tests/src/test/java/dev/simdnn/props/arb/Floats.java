package dev.simdnn.props.arb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Float inputs for element-wise kernels: the values where activations and losses break, often. */
public final class Floats {
    private Floats() {}

    /** ±0, the kinks 0 and ±1, large magnitudes (±100, ±88.7 near exp overflow), tiny and subnormal values. */
    public static final float[] SPECIAL = {0f, -0f, 1f, -1f, 100f, -100f, 88.7f, -88.7f, 20f, -20f, 1e-30f, -1e-30f,
        Float.MIN_VALUE, -Float.MIN_VALUE, 0.5f, -0.5f};

    /** One in four draws special, the rest uniform in ±4 or ±40. */
    public static Arbitrary<Float> activationInputs() {
        Float[] special = new Float[SPECIAL.length];
        for (int i = 0; i < special.length; i++) special[i] = SPECIAL[i];
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(special)),
                net.jqwik.api.Tuple.of(2, Arbitraries.floats().between(-4, 4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.floats().between(-40, 40)));
    }

    public static float[] toArray(java.util.List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) a[i] = values.get(i);
        return a;
    }
}
