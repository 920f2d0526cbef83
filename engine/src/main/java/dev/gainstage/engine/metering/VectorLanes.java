package dev.gainstage.engine.metering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shapes the meters' vector loops use: the machine's widest double vector (8 lanes with AVX-512, 4 with
 * AVX2) and the float vector of as many lanes. Links the incubator module: only {@link VectorSupport#available} (after
 * checking the module is there) and the vector loops touch it.
 */
final class VectorLanes {
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = DOUBLES.length();
    static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, VectorShape.forBitSize(32 * LANES));

    private VectorLanes() {}

    /** Fewer than four lanes gain nothing over the plain loops, which already run two channels side by side. */
    static boolean usable() {
        return LANES >= 4;
    }
}
