package dev.gainstage.adapter.sim.dsp;

/** dB ↔ linear amplitude conversions used by every gain in the sim adapter. */
public final class Decibels {
    private Decibels() {}

    public static double toLinear(double db) {
        return Math.pow(10.0, db / 20.0);
    }

    /** 20·log10 of an amplitude; silence gives negative infinity (callers decide how to show it). */
    public static double fromLinear(double amplitude) {
        return 20.0 * Math.log10(amplitude);
    }
}
