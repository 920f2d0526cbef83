package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.SimBus;
import dev.gainstage.proto.v1.SimTrack;
import java.util.List;

/**
 * A validated session with its defaults filled in: what the builder may trust.
 *
 * @param busesInOrder the buses (without the master) so that every bus comes after all buses feeding it
 * @param loopFrames {@code loop_seconds} in frames, 0 when not set
 */
record ResolvedSession(
        String name,
        int sampleRate,
        int blockFrames,
        long loopFrames,
        List<SimTrack> tracks,
        List<SimBus> busesInOrder,
        List<SimBus> busesDeclared,
        SimBus master) {}
