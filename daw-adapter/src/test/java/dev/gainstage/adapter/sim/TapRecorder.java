package dev.gainstage.adapter.sim;

import dev.gainstage.proto.v1.TapPoint;
import java.util.HashMap;
import java.util.Map;

/** A {@link TapSink} that meters every tap it sees, after an optional number of skipped frames. */
final class TapRecorder implements TapSink {
    private final Map<String, TapMeter[]> meters = new HashMap<>();
    private final int sampleRate;
    private final long skipFrames;

    TapRecorder(int sampleRate, long skipFrames) {
        this.sampleRate = sampleRate;
        this.skipFrames = skipFrames;
    }

    /** Renders {@code seconds} of audio from {@code renderer} into a new recorder, metering after {@code skipSeconds}. */
    static TapRecorder record(SimSessionRenderer renderer, double seconds, double skipSeconds) {
        TapRecorder recorder = new TapRecorder(renderer.sampleRate(), Math.round(skipSeconds * renderer.sampleRate()));
        long end = renderer.position() + Math.round(seconds * renderer.sampleRate());
        while (renderer.position() < end) {
            renderer.renderBlock(recorder);
        }
        return recorder;
    }

    @Override
    public void accept(String stageId, TapPoint point, float[] interleaved, int channels, int frames, long position) {
        if (position < skipFrames) {
            return;
        }
        TapMeter[] byPoint = meters.computeIfAbsent(stageId, id -> new TapMeter[TapPoint.values().length]);
        if (byPoint[point.ordinal()] == null) {
            byPoint[point.ordinal()] = new TapMeter(sampleRate, channels);
        }
        byPoint[point.ordinal()].add(interleaved, channels, frames);
    }

    boolean has(String stageId, TapPoint point) {
        TapMeter[] byPoint = meters.get(stageId);
        return byPoint != null && byPoint[point.ordinal()] != null;
    }

    TapMeter in(String stageId) {
        return get(stageId, TapPoint.TAP_POINT_INPUT);
    }

    TapMeter out(String stageId) {
        return get(stageId, TapPoint.TAP_POINT_OUTPUT);
    }

    private TapMeter get(String stageId, TapPoint point) {
        if (!has(stageId, point)) {
            throw new AssertionError("no " + point + " tap for " + stageId + "; taps seen: " + meters.keySet());
        }
        return meters.get(stageId)[point.ordinal()];
    }

    Map<String, TapMeter[]> all() {
        return meters;
    }
}
