package dev.gainstage.adapter.sim.dsp;

/** What a track plays: writes the next {@code frames} frames, interleaved, without allocating. */
public interface SignalSource {
    void read(float[] out, int channels, int frames);

    /**
     * Plays on from {@code frame} of the session's timeline (a locate). Called on the render thread
     * between blocks; a source without a position of its own (silence) ignores it.
     */
    default void seek(long frame) {}
}
