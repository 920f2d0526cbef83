package dev.gainstage.engine.transport;

import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The session the transport tests script: two tracks and a master with known peaks, and a wait for its view. */
final class TestSession {
    private TestSession() {}

    static Stage stage(String id, StageKind kind, String name) {
        return Stage.newBuilder()
                .setId(id)
                .setKind(kind)
                .setName(name)
                .setActive(true)
                .build();
    }

    static dev.gainstage.proto.v1.Strip track(String id, String name, String plugin, String pluginName) {
        return dev.gainstage.proto.v1.Strip.newBuilder()
                .setId(id)
                .setName(name)
                .setKind(StripKind.STRIP_KIND_AUDIO_TRACK)
                .setChannels(1)
                .addStages(stage(id + "/source", StageKind.STAGE_KIND_SOURCE, "Source"))
                .addStages(stage(id + "/trim", StageKind.STAGE_KIND_TRIM, "Trim").toBuilder()
                        .setGainDb(0))
                .addStages(stage(id + "/" + plugin, StageKind.STAGE_KIND_PLUGIN, pluginName))
                .addStages(stage(id + "/fader", StageKind.STAGE_KIND_FADER, "Fader").toBuilder()
                        .setGainDb(0))
                .addStages(stage(id + "/output", StageKind.STAGE_KIND_OUTPUT, "Output"))
                .addOutputs("master")
                .build();
    }

    static SessionSnapshot session() {
        return SessionSnapshot.newBuilder()
                .setSequence(1)
                .addStrips(track("vox", "Lead Vox", "comp", "ACE Compressor"))
                .addStrips(track("bass", "Bass", "sat", "Tube Saturator"))
                .addStrips(dev.gainstage.proto.v1.Strip.newBuilder()
                        .setId("master")
                        .setName("Master")
                        .setKind(StripKind.STRIP_KIND_MASTER)
                        .setChannels(1)
                        .addStages(stage("master/source", StageKind.STAGE_KIND_SOURCE, "Master input"))
                        .addStages(stage("master/output", StageKind.STAGE_KIND_OUTPUT, "Output")))
                .build();
    }

    /** Peaks per tap: every tap is a well-staged -12 dBFS sine but for the mis-staged ones. */
    // vox: source too hot (> -6); vox/comp: +7 dB louder than its input; bass: too quiet (< -18) and
    // its saturator's output over 0 dBFS; master over 0 dBFS.
    static final Map<String, Double> PEAKS = Map.ofEntries(
            Map.entry("vox/source:OUT", -3.0),
            Map.entry("vox/trim:IN", -3.0),
            Map.entry("vox/trim:OUT", -3.0),
            Map.entry("vox/comp:OUT", -5.0),
            Map.entry("bass/source:OUT", -30.0),
            Map.entry("bass/trim:IN", -30.0),
            Map.entry("bass/trim:OUT", -30.0),
            Map.entry("bass/sat:OUT", 2.0),
            Map.entry("master/source:OUT", 1.0),
            Map.entry("master/output:IN", 1.0),
            Map.entry("master/output:OUT", 1.0));

    static double peakOf(TapAssignment tap) {
        String key = tap.getStageId() + ":" + (tap.getPoint() == TapPoint.TAP_POINT_INPUT ? "IN" : "OUT");
        return PEAKS.getOrDefault(key, -12.0);
    }

    /** The first view of the session ("" = the latest) that matches, within 20 s. */
    static SessionView awaitView(
            ManagedChannel channel, String sessionKey, java.util.function.Predicate<SessionView> done) {
        Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                .withWaitForReady()
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .watch(WatchRequest.newBuilder().setSessionKey(sessionKey).build());
        SessionView last = null;
        try {
            while (views.hasNext()) {
                last = views.next();
                if (done.test(last)) {
                    return last;
                }
            }
        } catch (StatusRuntimeException e) {
            throw new AssertionError("no matching view; last: " + last, e);
        }
        throw new AssertionError("stream ended; last: " + last);
    }
}
