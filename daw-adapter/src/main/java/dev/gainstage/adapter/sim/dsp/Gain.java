package dev.gainstage.adapter.sim.dsp;

/** A static gain plugin ("ACE Amplifier"-like). */
public final class Gain implements Processor {
    private final float gain;
    private final int channels;

    public Gain(double gainDb, int channels) {
        this.gain = (float) Decibels.toLinear(gainDb);
        this.channels = channels;
    }

    @Override
    public void process(float[] buffer, int frames) {
        int n = frames * channels;
        for (int i = 0; i < n; i++) {
            buffer[i] *= gain;
        }
    }
}
