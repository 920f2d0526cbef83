package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.TapPoint;

/**
 * Receives the audio of one tap for one block, on the render thread. {@code interleaved} is the
 * renderer's own working buffer, valid only during the call (the next stage overwrites it): copy
 * what you keep, and do not block.
 */
@FunctionalInterface
public interface TapSink {
    void accept(String stageId, TapPoint point, float[] interleaved, int channels, int frames, long samplePosition);
}
