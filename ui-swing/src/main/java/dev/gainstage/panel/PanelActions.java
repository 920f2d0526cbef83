package dev.gainstage.panel;

import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.ClearDecisionsRequest;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.EndCompareRequest;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.PanelLocateRequest;
import dev.gainstage.proto.v1.PanelLocateResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.ResetMasterLoudnessRequest;
import dev.gainstage.proto.v1.SetDeliveryTargetRequest;
import dev.gainstage.proto.v1.StartCompareRequest;
import dev.gainstage.proto.v1.SwitchCompareRequest;
import dev.gainstage.proto.v1.UndoDecisionRequest;
import dev.gainstage.proto.v1.UndoDecisionResponse;
import dev.gainstage.proto.v1.UndoableDecision;
import dev.gainstage.proto.v1.Warning;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.swing.SwingUtilities;

/**
 * The user's decisions, sent to the sidecar off the EDT (every call with a deadline); the outcome
 * comes back to the EDT as the status message.
 */
public final class PanelActions implements AutoCloseable {
    private static final long DEADLINE_SECONDS = 8;
    /** An undo of a fix waits for the DAW to set each gain back (up to 5 s a stage). */
    private static final long UNDO_DEADLINE_SECONDS = 30;

    private final PanelModel model;
    private final Channel channel;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gainstage-panel-calls");
        t.setDaemon(true);
        return t;
    });

    public PanelActions(PanelModel model, Channel channel) {
        this.model = model;
        this.channel = channel;
    }

    /** Asks the DAW, through the sidecar, to make the warning's fix. Call on the EDT. */
    public void applyFix(Warning w) {
        String key = sessionKey();
        String what = Words.warning(w);
        call("Apply fix for " + what, stub -> {
            ApplyFixResponse r = stub.applyFix(ApplyFixRequest.newBuilder()
                    .setSessionKey(key)
                    .setWarningId(w.getId())
                    .build());
            String detail = r.getMessage().isBlank() ? "" : ": " + r.getMessage();
            return (r.getApplied() ? "Applied the fix for " : "Not applied, the fix for ") + what + detail;
        });
    }

    /** Call on the EDT. */
    public void acknowledgeWarning(Warning w, String reason) {
        String key = sessionKey();
        String what = Words.warning(w);
        call("Acknowledge " + what, stub -> {
            stub.acknowledge(AcknowledgeRequest.newBuilder()
                    .setSessionKey(key)
                    .setWarningId(w.getId())
                    .setReason(reason)
                    .build());
            return "Acknowledged " + what;
        });
    }

    /** Call on the EDT. */
    public void acknowledgeItem(String itemId, String reason) {
        String key = sessionKey();
        String what = "\u201C" + Words.item(model.view(), itemId) + "\u201D";
        call("Acknowledge " + what, stub -> {
            stub.acknowledge(AcknowledgeRequest.newBuilder()
                    .setSessionKey(key)
                    .setItemId(itemId)
                    .setReason(reason)
                    .build());
            return "Acknowledged " + what;
        });
    }

    /** Call on the EDT. */
    public void markIntentional(String stageId, boolean intentional) {
        String key = sessionKey();
        String what = Words.stage(model.view(), stageId);
        call("Mark " + what + " as intentional saturation", stub -> {
            stub.markIntentional(MarkIntentionalRequest.newBuilder()
                    .setSessionKey(key)
                    .setStageId(stageId)
                    .setIntentional(intentional)
                    .build());
            return intentional
                    ? "Marked " + what + " as intentional saturation"
                    : what + " is no longer intentional saturation";
        });
    }

    /** Undoes one of the session's decisions (a fix: its gains are set back through the DAW). Call on the EDT. */
    public void undo(UndoableDecision d) {
        String key = sessionKey();
        call("Undo", stub -> {
            UndoDecisionResponse r = stub.withDeadlineAfter(UNDO_DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .undoDecision(UndoDecisionRequest.newBuilder()
                            .setSessionKey(key)
                            .setDecisionId(d.getDecisionId())
                            .build());
            return r.getUndone() ? r.getMessage() : "Not undone: " + r.getMessage();
        });
    }

    /** Forgets all of the session's decisions (the caller has asked the user to confirm). Call on the EDT. */
    public void clearDecisions() {
        String key = sessionKey();
        call("Clear this session's decisions", stub -> {
            stub.clearDecisions(
                    ClearDecisionsRequest.newBuilder().setSessionKey(key).build());
            return "Cleared this session's decisions";
        });
    }

    /** Asks the DAW, through the sidecar, to move its playhead to {@code seconds}, for {@code what}. Call on the EDT. */
    public void locate(double seconds, String what) {
        String key = sessionKey();
        call("Move the playhead to " + what, stub -> {
            PanelLocateResponse r = stub.locate(PanelLocateRequest.newBuilder()
                    .setSessionKey(key)
                    .setPositionSeconds(seconds)
                    .build());
            // The sidecar says it in words: "moved to 1:23.4", or "not moved: " and why.
            String said = r.getMessage().isEmpty() ? (r.getMoved() ? "moved" : "not moved") : r.getMessage();
            return Character.toUpperCase(said.charAt(0)) + said.substring(1) + " (" + what + ")";
        });
    }

    /** Starts a level-matched A/B of a plugin, on its bypassed side. Call on the EDT. */
    public void startCompare(String stageId) {
        String key = sessionKey();
        String what = Words.stage(model.view(), stageId);
        call(
                "Compare " + what,
                stub -> compared(
                        "Comparing " + what,
                        stub.startCompare(StartCompareRequest.newBuilder()
                                .setSessionKey(key)
                                .setStageId(stageId)
                                .build())));
    }

    /** Call on the EDT. */
    public void switchCompare(CompareSide side) {
        String key = sessionKey();
        String name = side == CompareSide.COMPARE_SIDE_A ? "A (processed)" : "B (bypassed)";
        call(
                "Switch to " + name,
                stub -> compared(
                        "Playing " + name,
                        stub.switchCompare(SwitchCompareRequest.newBuilder()
                                .setSessionKey(key)
                                .setSide(side)
                                .build())));
    }

    /** Call on the EDT. */
    public void endCompare() {
        String key = sessionKey();
        call(
                "End comparing",
                stub -> compared(
                        "Ended comparing",
                        stub.endCompare(EndCompareRequest.newBuilder()
                                .setSessionKey(key)
                                .build())));
    }

    private static String compared(String done, CompareResponse r) {
        String detail = r.getMessage().isBlank() ? "" : ": " + r.getMessage();
        return (r.getApplied() ? done : "Not done") + detail;
    }

    /** Picks the session's delivery target ({@code label} names it in the outcome). Call on the EDT. */
    public void setDeliveryTarget(DeliveryPreset preset, String label) {
        String key = sessionKey();
        call("Set the delivery target to " + label, stub -> {
            stub.setDeliveryTarget(SetDeliveryTargetRequest.newBuilder()
                    .setSessionKey(key)
                    .setPreset(preset)
                    .build());
            return preset == DeliveryPreset.DELIVERY_PRESET_NONE
                    ? "No delivery target: the checklist has no \u201CReady to deliver\u201D step"
                    : "Delivery target: " + label;
        });
    }

    /** Restarts the master's programme measurement. Call on the EDT. */
    public void resetMasterLoudness() {
        String key = sessionKey();
        call("Reset the master's loudness", stub -> {
            stub.resetMasterLoudness(
                    ResetMasterLoudnessRequest.newBuilder().setSessionKey(key).build());
            return "Master loudness reset: integrated loudness, range, peaks and history start again";
        });
    }

    private String sessionKey() {
        return model.view().getSessionKey();
    }

    private void call(String what, Function<PanelServiceGrpc.PanelServiceBlockingStub, String> work) {
        calls.execute(() -> {
            String result;
            try {
                result = work.apply(PanelServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
            } catch (StatusRuntimeException e) {
                result = what + " failed: " + Words.failure(e.getStatus());
            }
            String message = result;
            SwingUtilities.invokeLater(() -> model.setMessage(message));
        });
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
