package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.RampedGain;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;

/**
 * An aux send: its input is the strip's signal at that point, its output is that signal at the send
 * level, which is added to the target bus. The strip's own signal goes on unchanged.
 */
record SendStage(String id, String name, int channels, RampedGain level, float[] sendBuffer, MixBus target)
        implements ChainStage {
    @Override
    public Stage describe() {
        return Stage.newBuilder()
                .setId(id)
                .setKind(StageKind.STAGE_KIND_SEND)
                .setName(name)
                .setActive(true)
                .setGainDb(level.param().db())
                .setSendTarget(target.id)
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        sink.accept(id, TapPoint.TAP_POINT_INPUT, buffer, channels, frames, position);
        level.apply(buffer, sendBuffer, channels, frames);
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, sendBuffer, channels, frames, position);
        target.add(sendBuffer, channels, frames);
    }
}
