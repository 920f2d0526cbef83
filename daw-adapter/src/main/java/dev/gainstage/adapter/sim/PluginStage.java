package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.Processor;
import dev.gainstage.adapter.sim.dsp.RampedGain;
import dev.gainstage.proto.v1.PluginClass;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An insert: the processor, then its output level. A deactivated plugin passes audio unchanged; {@code active} is
 * switched by any thread (a compare) and read by the render thread at its next block.
 */
record PluginStage(
        String id,
        String name,
        String uri,
        PluginClass pluginClass,
        String category,
        AtomicBoolean active,
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
                .setActive(active.get())
                .build();
    }

    @Override
    public void render(float[] buffer, int frames, TapSink sink, long position) {
        sink.accept(id, TapPoint.TAP_POINT_INPUT, buffer, channels, frames, position);
        if (active.get()) {
            processor.process(buffer, frames);
            output.apply(buffer, buffer, channels, frames);
        }
        sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
    }
}
