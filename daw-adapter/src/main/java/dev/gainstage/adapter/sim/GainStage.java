package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.RampedGain;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;

/** Trim or fader: a gain the user (or a fix) sets. */
record GainStage(String id, StageKind kind, String name, int channels, RampedGain gain) implements ChainStage {
    @Override
    public Stage describe() {
        return Stage.newBuilder()
                .setId(id)
                .setKind(kind)
                .setName(name)
                .setActive(true)
                .setGainDb(gain.param().db())
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        sink.accept(id, TapPoint.TAP_POINT_INPUT, buffer, channels, frames, position);
        gain.apply(buffer, buffer, channels, frames);
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
    }
}
