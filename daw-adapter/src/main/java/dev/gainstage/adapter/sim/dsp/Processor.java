package dev.gainstage.adapter.sim.dsp;

/**
 * An insert processor of the sim adapter. Sized for its channel count and sample rate when built;
 * {@link #process} works in place on interleaved float samples and must not allocate.
 */
public interface Processor {
    void process(float[] buffer, int frames);
}
