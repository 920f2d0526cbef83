package dev.gainstage.adapter.ardour.jack;

import java.nio.FloatBuffer;

/** The current period's samples of one input channel (a JACK port's buffer, valid during the process callback). */
@FunctionalInterface
public interface ChannelBuffer {
    FloatBuffer current();
}
