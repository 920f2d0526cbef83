package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripKind;
import java.util.List;

/** A strip: its stages in signal order, run in place on one working buffer. */
record StripChain(
        String id,
        String name,
        StripKind kind,
        int channels,
        ChainStage[] stages,
        float[] buffer,
        List<String> outputs) {

    void render(int frames, TapSink sink, long position) {
        for (ChainStage stage : stages) {
            stage.render(buffer, frames, sink, position);
        }
    }

    Strip describe() {
        Strip.Builder strip = Strip.newBuilder()
                .setId(id)
                .setName(name)
                .setKind(kind)
                .setChannels(channels)
                .addAllOutputs(outputs);
        for (ChainStage stage : stages) {
            strip.addStages(stage.describe());
        }
        return strip.build();
    }
}
