package dev.gainstage.adapter.sim.dsp;

import dev.gainstage.proto.v1.SimEqBand;
import java.util.List;

/** A parametric EQ: the bands of a {@code SimEq} as a cascade of cookbook biquads per channel. */
public final class Equalizer implements Processor {
    /** Q used when a band leaves it at 0 (Butterworth for the pass filters). */
    public static final double DEFAULT_Q = 0.707;

    private final Biquad[][] sections; // [band][channel]
    private final int channels;

    public Equalizer(List<SimEqBand> bands, int channels, int sampleRate) {
        this.channels = channels;
        this.sections = new Biquad[bands.size()][channels];
        for (int b = 0; b < bands.size(); b++) {
            for (int c = 0; c < channels; c++) {
                sections[b][c] = design(bands.get(b), sampleRate);
            }
        }
    }

    private static Biquad design(SimEqBand band, int sampleRate) {
        double q = band.getQ() > 0 ? band.getQ() : DEFAULT_Q;
        double hz = band.getFrequencyHz();
        Biquad s = new Biquad();
        return switch (band.getType()) {
            case SIM_PEAK -> s.peak(sampleRate, hz, q, band.getGainDb());
            case SIM_LOW_SHELF -> s.lowShelf(sampleRate, hz, q, band.getGainDb());
            case SIM_HIGH_SHELF -> s.highShelf(sampleRate, hz, q, band.getGainDb());
            case SIM_HIGH_PASS -> s.highPass(sampleRate, hz, q);
            case SIM_LOW_PASS -> s.lowPass(sampleRate, hz, q);
            case SIM_BAND_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                throw new IllegalArgumentException("band type " + band.getType());
        };
    }

    @Override
    public void process(float[] buffer, int frames) {
        for (Biquad[] band : sections) {
            for (int c = 0; c < channels; c++) {
                Biquad s = band[c];
                for (int i = c, end = frames * channels; i < end; i += channels) {
                    buffer[i] = (float) s.tick(buffer[i]);
                }
            }
        }
    }
}
