package dev.gainstage.engine.graph;

/**
 * What a plugin does, as the DAW reports it. The staging rules calibrate a plugin's input drive by it: analog-modelled
 * processing is driven around 0 VU = −18 dBFS RMS; a digital processor in a floating-point DAW has no input to
 * overdrive below 0 dBFS.
 */
public enum PluginClass {
    /** Not reported (or not a plugin): judged as analog-modelled, the cautious reading. */
    UNKNOWN,
    EQ,
    DYNAMICS,
    /** Distortion, saturation, tape, console and amp models. */
    SATURATION,
    FILTER,
    TIME,
    MODULATION,
    UTILITY,
    INSTRUMENT,
    OTHER;

    /** True for the classes whose input is calibrated like analog gear (and for an unknown plugin). */
    public boolean analogModelled() {
        return this == SATURATION || this == UNKNOWN;
    }
}
