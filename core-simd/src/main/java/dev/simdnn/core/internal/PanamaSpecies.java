package dev.simdnn.core.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every Vector API kernel uses. They must be {@code static final} constants: a species read
 * from a parameter or a non-final field defeats C2's intrinsics and boxes every vector (10-30x slower).
 * Kernels copy them into their own {@code static final} fields.
 */
public final class PanamaSpecies {
    private PanamaSpecies() {}

    /** The widest float species this CPU runs natively (512 bits on AVX-512, 256 on AVX2). */
    public static final VectorSpecies<Float> FLOAT = FloatVector.SPECIES_PREFERRED;

    /** The widest double species, same width as {@link #FLOAT}. */
    public static final VectorSpecies<Double> DOUBLE = DoubleVector.SPECIES_PREFERRED;

    /** Int lanes matching {@link #FLOAT} one to one (same width): for hashes and indices. */
    public static final VectorSpecies<Integer> INT = IntVector.SPECIES_PREFERRED;
}
