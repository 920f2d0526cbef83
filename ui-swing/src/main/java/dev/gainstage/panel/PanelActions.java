package dev.gainstage.panel;

import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
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

    private String sessionKey() {
        return model.view().getSessionKey();
    }

    public void applyFix(String warningId) {
        call("Apply fix", stub -> {
            ApplyFixResponse r = stub.applyFix(ApplyFixRequest.newBuilder()
                    .setSessionKey(sessionKey())
                    .setWarningId(warningId)
                    .build());
            return r.getApplied() ? "Applied: " + r.getMessage() : "Not applied: " + r.getMessage();
        });
    }

    public void acknowledgeWarning(String warningId, String reason) {
        call("Acknowledge", stub -> {
            stub.acknowledge(AcknowledgeRequest.newBuilder()
                    .setSessionKey(sessionKey())
                    .setWarningId(warningId)
                    .setReason(reason)
                    .build());
            return "Acknowledged " + warningId;
        });
    }

    public void acknowledgeItem(String itemId, String reason) {
        call("Acknowledge", stub -> {
            stub.acknowledge(AcknowledgeRequest.newBuilder()
                    .setSessionKey(sessionKey())
                    .setItemId(itemId)
                    .setReason(reason)
                    .build());
            return "Acknowledged " + itemId;
        });
    }

    public void markIntentional(String stageId, boolean intentional) {
        call("Mark intentional", stub -> {
            stub.markIntentional(MarkIntentionalRequest.newBuilder()
                    .setSessionKey(sessionKey())
                    .setStageId(stageId)
                    .setIntentional(intentional)
                    .build());
            return (intentional ? "Marked intentional saturation: " : "Unmarked: ") + stageId;
        });
    }

    private void call(String what, Function<PanelServiceGrpc.PanelServiceBlockingStub, String> work) {
        calls.execute(() -> {
            String result;
            try {
                result = work.apply(PanelServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
            } catch (StatusRuntimeException e) {
                result = what + " failed: " + e.getStatus().getCode()
                        + (e.getStatus().getDescription() == null
                                ? ""
                                : " " + e.getStatus().getDescription());
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
