package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.Processor;
import dev.gainstage.adapter.sim.dsp.RampedGain;
import dev.gainstage.proto.v1.PluginClass;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;

/** An insert: the processor, then its output level. A deactivated plugin passes audio unchanged. */
record PluginStage(
        String id,
        String name,
        String uri,
        PluginClass pluginClass,
        String category,
        boolean active,
        int channels,
        Processor processor,
        RampedGain output)
        implements ChainStage {
    @Override
    public Stage describe() {
        return Stage.newBuilder()
                .setId(id)
                .setKind(StageKind.STAGE_KIND_PLUGIN)
                .setName(name)
                .setPluginUri(uri)
                .setPluginClass(pluginClass)
                .setPluginCategory(category)
                .setActive(active)
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        sink.accept(id, TapPoint.TAP_POINT_INPUT, buffer, channels, frames, position);
        if (active) {
            processor.process(buffer, frames);
            output.apply(buffer, buffer, channels, frames);
        }
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
    }
}
