package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;

/**
 * What leaves the strip (no panner in the sim: input equals output, in the strip's own channel
 * count), added to the strip's output bus.
 *
 * @param target the bus this strip feeds; null for the master
 */
record OutputStage(String id, int channels, MixBus target) implements ChainStage {
    @Override
    public Stage describe() {
        return Stage.newBuilder()
                .setId(id)
                .setKind(StageKind.STAGE_KIND_OUTPUT)
                .setName("Output")
                .setActive(true)
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        sink.accept(id, TapPoint.TAP_POINT_INPUT, buffer, channels, frames, position);
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
        if (target != null) {
            target.add(buffer, channels, frames);
        }
    }
}
