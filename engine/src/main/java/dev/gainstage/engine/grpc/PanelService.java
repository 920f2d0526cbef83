package dev.gainstage.engine.grpc;

import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.AcknowledgeResponse;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.MarkIntentionalResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;

/** The panel-facing service: session views, and the user's decisions. */
public final class PanelService extends PanelServiceGrpc.PanelServiceImplBase {
    private final SessionRegistry registry;
    private final ViewPump pump;

    @Inject
    PanelService(SessionRegistry registry, ViewPump pump) {
        this.registry = registry;
        this.pump = pump;
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<SessionView> responses) {
        new ViewWatcher(registry, request, (ServerCallStreamObserver<SessionView>) responses).start(pump);
    }

    @Override
    public void acknowledge(AcknowledgeRequest request, StreamObserver<AcknowledgeResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        boolean byWarning = !request.getWarningId().isEmpty();
        if (byWarning == !request.getItemId().isEmpty()) {
            responses.onError(Status.INVALID_ARGUMENT
                    .withDescription("set exactly one of warning_id and item_id").asRuntimeException());
            return;
        }
        if (byWarning && engine.state().warnings().stream().noneMatch(w -> w.id().equals(request.getWarningId()))) {
            responses.onError(Status.NOT_FOUND
                    .withDescription("no active warning '" + request.getWarningId() + "'").asRuntimeException());
            return;
        }
        if (!byWarning && engine.state().checklist().steps().stream().flatMap(s -> s.items().stream())
                .noneMatch(i -> i.id().equals(request.getItemId()))) {
            responses.onError(Status.NOT_FOUND
                    .withDescription("no checklist item '" + request.getItemId() + "'").asRuntimeException());
            return;
        }
        String reason = request.getReason().isBlank() ? "acknowledged" : request.getReason();
        engine.updateDecisions(d -> byWarning ? d.acknowledgeWarning(request.getWarningId(), reason)
                : d.acknowledgeItem(request.getItemId(), reason));
        responses.onNext(AcknowledgeResponse.getDefaultInstance());
        responses.onCompleted();
    }

    @Override
    public void markIntentional(MarkIntentionalRequest request, StreamObserver<MarkIntentionalResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        Strip strip = engine.state().graph().stripOfStage(request.getStageId()).orElse(null);
        if (strip == null) {
            responses.onError(Status.NOT_FOUND
                    .withDescription("unknown stage id '" + request.getStageId() + "'").asRuntimeException());
            return;
        }
        String id = request.getStrip() ? strip.id() : request.getStageId();
        engine.updateDecisions(d -> d.markIntentional(id, request.getIntentional()));
        responses.onNext(MarkIntentionalResponse.getDefaultInstance());
        responses.onCompleted();
    }

    @Override
    public void applyFix(ApplyFixRequest request, StreamObserver<ApplyFixResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        engine.applyFix(request.getWarningId()).whenComplete((outcome, error) -> {
            if (error != null) {
                responses.onError(Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                responses.onNext(ApplyFixResponse.newBuilder().setApplied(outcome.applied())
                        .setMessage(outcome.message()).build());
                responses.onCompleted();
            }
        });
    }

    private SessionEngine session(String key, StreamObserver<?> responses) {
        SessionEngine engine = registry.resolve(key).orElse(null);
        if (engine == null) {
            responses.onError(Status.NOT_FOUND.withDescription(key.isEmpty() ? "no session is attached yet"
                    : "no session '" + key + "'").asRuntimeException());
        }
        return engine;
    }
}
