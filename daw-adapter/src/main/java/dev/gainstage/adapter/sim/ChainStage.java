package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.Stage;

/** One stage of a strip's chain: processes the strip's buffer in place and reports its taps. */
sealed interface ChainStage permits SourceStage, GainStage, PluginStage, SendStage, OutputStage {
    String id();

    /** The stage as the snapshot shows it, with its current gain. */
    Stage describe();

    void render(float[] buffer, int frames, TapSink sink, long position);
}
