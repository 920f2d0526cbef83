package dev.gainstage.adapter.sim.dsp;

/** Drives the signal into tanh; the output is tanh's own level (at most ±1), untouched otherwise. */
public final class Saturator implements Processor {
    private final double drive;
    private final int channels;

    public Saturator(double driveDb, int channels) {
        this.drive = Decibels.toLinear(driveDb);
        this.channels = channels;
    }

    @Override
    public void process(float[] buffer, int frames) {
        for (int i = 0, n = frames * channels; i < n; i++) {
            buffer[i] = (float) Math.tanh(buffer[i] * drive);
        }
    }
}
