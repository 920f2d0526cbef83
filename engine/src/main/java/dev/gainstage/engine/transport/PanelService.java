package dev.gainstage.engine.transport;

import dev.gainstage.client.TimelinePosition;
import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.history.HistorySlice;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.CompareOutcome;
import dev.gainstage.engine.session.CompareSide;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.session.SessionState;
import dev.gainstage.engine.session.UndoOutcome;
import dev.gainstage.engine.transport.protos.CompareProtos;
import dev.gainstage.engine.transport.protos.DecisionProtos;
import dev.gainstage.engine.transport.protos.HistoryProtos;
import dev.gainstage.engine.transport.protos.MasterProtos;
import dev.gainstage.engine.transport.protos.RulesConfigProtos;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.AcknowledgeResponse;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.ClearDecisionsRequest;
import dev.gainstage.proto.v1.CompareResponse;
import dev.gainstage.proto.v1.DecisionHistory;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.EndCompareRequest;
import dev.gainstage.proto.v1.GetHistoryRequest;
import dev.gainstage.proto.v1.GetRuleConfigRequest;
import dev.gainstage.proto.v1.ListDecisionsRequest;
import dev.gainstage.proto.v1.MarkIntentionalRequest;
import dev.gainstage.proto.v1.MarkIntentionalResponse;
import dev.gainstage.proto.v1.PanelLocateRequest;
import dev.gainstage.proto.v1.PanelLocateResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.ResetMasterLoudnessRequest;
import dev.gainstage.proto.v1.ResetMasterLoudnessResponse;
import dev.gainstage.proto.v1.RuleConfigView;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionSummary;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.SetDeliveryTargetRequest;
import dev.gainstage.proto.v1.SetDeliveryTargetResponse;
import dev.gainstage.proto.v1.SetRuleOverridesRequest;
import dev.gainstage.proto.v1.SidecarDescription;
import dev.gainstage.proto.v1.StartCompareRequest;
import dev.gainstage.proto.v1.SwitchCompareRequest;
import dev.gainstage.proto.v1.UndoDecisionRequest;
import dev.gainstage.proto.v1.UndoDecisionResponse;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The panel-facing service: session views, the user's decisions and their undo, the master's delivery target,
 * the history and the playhead, and the level-matched A/B. Over 300 lines because it is the one implementation of
 * the PanelService's RPCs; each method only maps its request to one {@link SessionEngine} call, and the answer or
 * refusal to its response.
 */
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
        String id = byWarning ? request.getWarningId() : request.getItemId();
        decide(
                () -> engine.actions().acknowledge(id, !byWarning, request.getReason()),
                responses,
                AcknowledgeResponse::getDefaultInstance);
    }

    @Override
    public void markIntentional(MarkIntentionalRequest request, StreamObserver<MarkIntentionalResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        decide(
                () -> engine.actions()
                        .markIntentional(request.getStageId(), request.getStrip(), request.getIntentional()),
                responses,
                MarkIntentionalResponse::getDefaultInstance);
    }

    @Override
    public void listDecisions(ListDecisionsRequest request, StreamObserver<DecisionHistory> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            reply(
                    responses,
                    DecisionProtos.history(
                            engine.sessionKey(), engine.decisions().history()));
        }
    }

    @Override
    public void clearDecisions(ClearDecisionsRequest request, StreamObserver<DecisionHistory> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            decide(
                    engine.actions()::clear,
                    responses,
                    () -> DecisionProtos.history(
                            engine.sessionKey(), engine.decisions().history()));
        }
    }

    @Override
    public void undoDecision(UndoDecisionRequest request, StreamObserver<UndoDecisionResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        CompletableFuture<UndoOutcome> undo;
        try {
            undo = engine.actions().undo(request.getDecisionId(), DecisionProtos.kind(request.getKind()));
        } catch (NoSuchElementException | IOException e) {
            responses.onError(refusal(e));
            return;
        }
        undo.whenComplete((outcome, error) -> {
            if (error != null) {
                responses.onError(
                        Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
            } else {
                reply(
                        responses,
                        UndoDecisionResponse.newBuilder()
                                .setUndone(outcome.undone())
                                .setMessage(outcome.message())
                                .setDecision(DecisionProtos.decision(outcome.decision()))
                                .build());
            }
        });
    }

    @Override
    public void applyFix(ApplyFixRequest request, StreamObserver<ApplyFixResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        engine.actions().applyFix(request.getWarningId()).whenComplete((outcome, error) -> {
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
    public void getHistory(GetHistoryRequest request, StreamObserver<SessionHistoryView> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        double from = request.hasFromSeconds() ? request.getFromSeconds() : Double.NEGATIVE_INFINITY;
        double to = request.hasToSeconds() ? request.getToSeconds() : Double.POSITIVE_INFINITY;
        HistorySlice slice;
        try {
            slice = engine.history(request.getAllStages() ? null : request.getStageIdsList(), from, to);
        } catch (IllegalArgumentException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        reply(responses, HistoryProtos.view(engine.sessionKey(), slice));
    }

    @Override
    public void locate(PanelLocateRequest request, StreamObserver<PanelLocateResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        try {
            engine.locate(request.getPositionSeconds(), request.getRoll()).whenComplete((outcome, error) -> {
                if (error != null) {
                    responses.onError(
                            Status.INTERNAL.withDescription(error.toString()).asRuntimeException());
                    return;
                }
                PanelLocateResponse.Builder r = PanelLocateResponse.newBuilder()
                        .setMoved(outcome.moved())
                        .setMessage(
                                outcome.moved()
                                        ? "moved to " + TimelinePosition.format(outcome.positionSeconds())
                                        : "not moved: " + outcome.message());
                if (outcome.moved()) {
                    r.setPositionSeconds(outcome.positionSeconds());
                }
                reply(responses, r.build());
            });
        } catch (IllegalArgumentException e) {
            responses.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void getRuleConfig(GetRuleConfigRequest request, StreamObserver<RuleConfigView> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine != null) {
            reply(responses, ruleView(engine));
        }
    }

    @Override
    public void setDeliveryTarget(
            SetDeliveryTargetRequest request, StreamObserver<SetDeliveryTargetResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        DeliveryTarget target;
        try {
            target = MasterProtos.target(request.getPreset());
        } catch (IllegalArgumentException e) {
            responses.onError(Status.INVALID_ARGUMENT
                    .withDescription(e.getMessage() + " " + request.getPresetValue())
                    .asRuntimeException());
            return;
        }
        decide(
                () -> engine.updateDecisions(d -> d.withDeliveryTarget(target)),
                responses,
                SetDeliveryTargetResponse::getDefaultInstance);
    }

    @Override
    public void resetMasterLoudness(
            ResetMasterLoudnessRequest request, StreamObserver<ResetMasterLoudnessResponse> responses) {
        SessionEngine engine = session(request.getSessionKey(), responses);
        if (engine == null) {
            return;
        }
        try {
            engine.restartMasterLoudness();
        } catch (IllegalStateException e) {
            responses.onError(
                    Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        reply(responses, ResetMasterLoudnessResponse.getDefaultInstance());
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
                    .setActiveWarnings((int) s.unacknowledgedWarnings()));
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
                () -> engine.updateDecisions(
                        d -> d.withRuleOverrides((request.getReplace() ? RuleOverrides.NONE : d.ruleOverrides())
                                .without(request.getClearList())
                                .merge(set))),
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

    /** A decision: it may be refused as it is made, or fail to be saved (it is not applied then). */
    private interface Decision {
        void make() throws IOException;
    }

    /**
     * Makes a decision and answers with {@code reply}, made after it took effect. A decision that
     * could not be saved is not applied, and the caller is told; one refused as it is made (an absurd
     * threshold, an empty reason) is INVALID_ARGUMENT, and one about an id the session does not have NOT_FOUND,
     * with the reason.
     */
    private static <T> void decide(Decision decision, StreamObserver<T> responses, Supplier<T> reply) {
        try {
            decision.make();
        } catch (IllegalArgumentException | NoSuchElementException | IOException e) {
            responses.onError(refusal(e));
            return;
        }
        reply(responses, reply.get());
    }

    /** A decision refused as it was made (INVALID_ARGUMENT), about an unknown id (NOT_FOUND), or not saved. */
    private static StatusRuntimeException refusal(Exception e) {
        Status status = switch (e) {
            case IllegalArgumentException x -> Status.INVALID_ARGUMENT.withDescription(x.getMessage());
            case NoSuchElementException x -> Status.NOT_FOUND.withDescription(x.getMessage());
            default ->
                Status.UNAVAILABLE.withDescription(
                        "could not save the decision, so it was not applied: " + e.getMessage());
        };
        return status.asRuntimeException();
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
