package dev.gainstage.engine.rules;

import dev.gainstage.engine.metering.MeterReading;

/** Meter readings with chosen values, for judging rules without audio. */
public final class Readings {
    private Readings() {}

    /** A steady signal measured for {@code seconds}: peak, true peak, RMS and short-term loudness as given. */
    public static MeterReading of(double peak, double truePeak, double rms, double shortTerm, double seconds) {
        return new MeterReading(
                Math.round(seconds * 48000),
                seconds,
                peak,
                truePeak,
                rms,
                shortTerm,
                shortTerm,
                peak,
                truePeak,
                shortTerm,
                0,
                shortTerm,
                shortTerm,
                rms,
                peak - rms,
                0,
                0,
                0,
                Double.NaN,
                Double.NaN,
                seconds);
    }

    static MeterReading peak(double peak) {
        return of(peak, peak, peak - 3, peak - 3, 10);
    }

    static MeterReading silence() {
        double n = Double.NaN;
        return new MeterReading(48000, 1, n, n, n, n, n, n, n, n, n, n, n, n, n, 0, 0, 0, n, n, 0);
    }
}
