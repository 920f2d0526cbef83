package dev.gainstage.adapter.sim.dsp;

/** What a track plays: writes the next {@code frames} frames, interleaved, without allocating. */
public interface SignalSource {
    void read(float[] out, int channels, int frames);
}
