package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.SignalSource;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;
import java.util.Arrays;

/**
 * A track's playback, or a bus's summed input. Only an output tap: nothing enters a source.
 *
 * @param source what the track plays; null for a bus, whose buffer already holds the sum
 */
record SourceStage(String id, String name, int channels, SignalSource source) implements ChainStage {
    /** The source of a track without one: silence, as an empty track in a DAW. */
    static final SignalSource SILENCE = (out, channels, frames) -> Arrays.fill(out, 0, channels * frames, 0f);

    @Override
    public Stage describe() {
        return Stage.newBuilder()
                .setId(id)
                .setKind(StageKind.STAGE_KIND_SOURCE)
                .setName(name)
                .setActive(true)
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        if (source != null) {
            source.read(buffer, channels, frames);
        }
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
    }
}
