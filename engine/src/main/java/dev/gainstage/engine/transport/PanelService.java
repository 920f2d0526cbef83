package dev.gainstage.engine.transport;

import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.CompareOutcome;
import dev.gainstage.engine.session.CompareSide;
import dev.gainstage.engine.session.Decisions;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.session.SessionState;
import dev.gainstage.engine.transport.protos.CompareProtos;
import dev.gainstage.engine.transport.protos.RulesConfigProtos;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.AcknowledgeResponse;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.EndCompareRequest;
import dev.gainstage.proto.v1.GetRuleConfigRequest;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.MarkIntentionalResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.RuleConfigView;
import dev.gainstage.proto.v1.SessionSummary;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetRuleOverridesRequest;
import dev.gainstage.proto.v1.SidecarDescription;
import dev.gainstage.proto.v1.StartCompareRequest;
import dev.gainstage.proto.v1.SwitchCompareRequest;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
                    .withDescription("set exactly one of warning_id and item_id")
                    .asRuntimeException());
            return;
        }
        if (byWarning && engine.state().warnings().stream().noneMatch(w -> w.id().equals(request.getWarningId()))) {
            responses.onError(Status.NOT_FOUND
                    .withDescription("no active warning '" + request.getWarningId() + "'")
                    .asRuntimeException());
            return;
        }
        if (!byWarning
                && engine.state().checklist().steps().stream()
                        .flatMap(s -> s.items().stream())
                        .noneMatch(i -> i.id().equals(request.getItemId()))) {
            responses.onError(Status.NOT_FOUND
                    .withDescription("no checklist item '" + request.getItemId() + "'")
                    .asRuntimeException());
            return;
        }
        String reason = request.getReason().isBlank() ? "acknowledged" : request.getReason();
        decide(
                engine,
                d -> byWarning
                        ? d.acknowledgeWarning(request.getWarningId(), reason)
                        : d.acknowledgeItem(request.getItemId(), reason),
                responses,
                AcknowledgeResponse::getDefaultInstance);
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
                    .withDescription("unknown stage id '" + request.getStageId() + "'")
                    .asRuntimeException());
            return;
        }
        String id = request.getStrip() ? strip.id() : request.getStageId();
        decide(
                engine,
                d -> d.markIntentional(id, request.getIntentional()),
                responses,
                MarkIntentionalResponse::getDefaultInstance);
    }

    @Override
    public void applyFix(ApplyFixRequest request, StreamObserver<ApplyFixResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        engine.applyFix(request.getWarningId()).whenComplete((outcome, error) -> {
            if (error != null) {
                responses.onError(
                        Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                responses.onNext(ApplyFixResponse.newBuilder()
                        .setApplied(outcome.applied())
                        .setMessage(outcome.message())
                        .build());
                responses.onCompleted();
            }
        });
    }

    @Override
    public void startCompare(StartCompareRequest request, StreamObserver<CompareResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            answer(engine.startCompare(request.getStageId()), responses);
        }
    }

    @Override
    public void switchCompare(SwitchCompareRequest request, StreamObserver<CompareResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        CompareSide side;
        try {
            side = CompareProtos.side(request.getSide());
        } catch (IllegalArgumentException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        answer(engine.switchCompare(side), responses);
    }

    @Override
    public void endCompare(EndCompareRequest request, StreamObserver<CompareResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            answer(engine.endCompare(), responses);
        }
    }

    /** A refused comparison is an answer (applied = false, the reason), like a refused fix; not an RPC error. */
    private static void answer(CompletableFuture<CompareOutcome> outcome, StreamObserver<CompareResponse> responses) {
        outcome.whenComplete((o, error) -> {
            if (error != null) {
                responses.onError(
                        Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                reply(responses, CompareProtos.response(o));
            }
        });
    }

    @Override
    public void getRuleConfig(GetRuleConfigRequest request, StreamObserver<RuleConfigView> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            reply(responses, ruleView(engine));
        }
    }

    @Override
    public void describe(DescribeRequest request, StreamObserver<SidecarDescription> responses) {
        SidecarDescription.Builder d = SidecarDescription.newBuilder()
                .setVersion(SidecarVersion.VERSION)
                .setProtocolVersion(AdapterConnection.PROTOCOL_VERSION);
        for (SessionEngine engine : registry.all()) {
            SessionState s = engine.state();
            d.addSessions(SessionSummary.newBuilder()
                    .setSessionKey(s.sessionKey())
                    .setSessionName(s.sessionName())
                    .setAdapterConnected(s.adapterConnected())
                    .setAdapterName(s.adapterName())
                    .setAudioTimeSeconds(s.audioSeconds())
                    .setActiveWarnings(s.warnings().size()));
        }
        responses.onNext(d.build());
        responses.onCompleted();
    }

    /** Clears, then merges (or replaces); the result is checked whole before it is saved or applied. */
    @Override
    public void setRuleOverrides(SetRuleOverridesRequest request, StreamObserver<RuleConfigView> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        RuleOverrides set = RulesConfigProtos.overrides(request.getOverrides());
        Set<String> both = new HashSet<>(request.getClearList());
        both.retainAll(set.values().keySet());
        if (!both.isEmpty()) {
            responses.onError(Status.INVALID_ARGUMENT
                    .withDescription("both set and cleared: "
                            + String.join(", ", both.stream().sorted().toList()))
                    .asRuntimeException());
            return;
        }
        decide(
                engine,
                d -> d.withRuleOverrides((request.getReplace() ? RuleOverrides.NONE : d.ruleOverrides())
                        .without(request.getClearList())
                        .merge(set)),
                responses,
                () -> ruleView(engine));
    }

    private static RuleConfigView ruleView(SessionEngine engine) {
        RuleLayers layers = engine.ruleLayers();
        return RuleConfigView.newBuilder()
                .setSessionKey(engine.sessionKey())
                .setEffective(RulesConfigProtos.message(layers.effective().byName()))
                .setFile(RulesConfigProtos.message(layers.file().values()))
                .setOverrides(RulesConfigProtos.message(layers.session().values()))
                .build();
    }

    /**
     * Applies a decision and answers with {@code reply}, made after it took effect. A decision that
     * could not be saved is not applied, and the caller is told; one refused as it is made (an absurd
     * threshold) is INVALID_ARGUMENT, with the reason.
     */
    private static <T> void decide(
            SessionEngine engine, UnaryOperator<Decisions> change, StreamObserver<T> responses, Supplier<T> reply) {
        try {
            engine.updateDecisions(change);
        } catch (IllegalArgumentException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IOException e) {
            responses.onError(Status.UNAVAILABLE
                    .withDescription("could not save the decision, so it was not applied: " + e.getMessage())
                    .asRuntimeException());
            return;
        }
        reply(responses, reply.get());
    }

    private static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }

    private SessionEngine session(String key, StreamObserver<?> responses) {
        SessionEngine engine = registry.resolve(key).orElse(null);
        if (engine == null) {
            responses.onError(Status.NOT_FOUND
                    .withDescription(key.isEmpty() ? "no session is attached yet" : "no session '" + key + "'")
                    .asRuntimeException());
        }
        return engine;
    }
}
