package dev.gainstage.adapter.sim.dsp;

/**
 * A sine at a fixed amplitude, computed rather than tabled so any frequency stays exact. Its sample
 * peak is the amplitude (reached whenever a sample lands on the crest, e.g. 1 kHz at 48 kHz).
 * The phase restarts every {@code loopFrames} when that is set.
 */
public final class SineSource implements SignalSource {
    private final double increment;
    private final double amplitude;
    private final long loopFrames;
    private long position;

    public SineSource(double hz, double amplitude, int sampleRate, long loopFrames) {
        this.increment = 2 * Math.PI * hz / sampleRate;
        this.amplitude = amplitude;
        this.loopFrames = loopFrames;
    }

    @Override
    public void read(float[] out, int channels, int frames) {
        for (int f = 0, o = 0; f < frames; f++, o += channels) {
            // Phase from the frame index (not accumulated) so long runs do not drift.
            float s = (float) (amplitude * Math.sin(increment * position));
            for (int c = 0; c < channels; c++) {
                out[o + c] = s;
            }
            if (++position == loopFrames) {
                position = 0;
            }
        }
    }

    @Override
    public void seek(long frame) {
        position = loopFrames > 0 ? Math.floorMod(frame, loopFrames) : Math.max(0, frame);
    }
}
