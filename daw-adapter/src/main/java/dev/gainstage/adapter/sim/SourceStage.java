package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.SignalSource;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.TapPoint;
import java.util.Arrays;

/**
 * A track's playback, or a bus's summed input. Only an output tap: nothing enters a source.
 *
 * @param source what the track plays; null for a bus, whose buffer already holds the sum, and
 *     for an empty track, which is then silent
 */
record SourceStage(String id, String name, int channels, SignalSource source, boolean isBus) implements ChainStage {
  @Override
  public Stage describe() {
    return Stage.newBuilder().setId(id).setKind(StageKind.STAGE_KIND_SOURCE).setName(name).setActive(true).build();
  }

  @Override
  public void render(float[] buffer, int frames, TapSink sink, long position) {
    if (source != null) {
      source.read(buffer, channels, frames);
    } else if (!isBus) {
      Arrays.fill(buffer, 0, frames * channels, 0f);
    }
    sink.accept(id, TapPoint.TAP_POINT_OUTPUT, buffer, channels, frames, position);
  }
}
