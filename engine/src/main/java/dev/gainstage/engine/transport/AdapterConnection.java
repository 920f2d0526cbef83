package dev.gainstage.engine.transport;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.session.AdapterLink;
import dev.gainstage.engine.session.CompareAnswer;
import dev.gainstage.engine.session.CompareStep;
import dev.gainstage.engine.session.FixOutcome;
import dev.gainstage.engine.session.LocateOutcome;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.session.TapBlockData;
import dev.gainstage.engine.session.TapBlockException;
import dev.gainstage.engine.transport.protos.CompareProtos;
import dev.gainstage.engine.transport.protos.GraphProtos;
import dev.gainstage.proto.v1.Ack;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.CompareResult;
import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.DawLocateResult;
import dev.gainstage.proto.v1.ErrorCode;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.FixResult;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.TapAssignment;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.TapDrops;
import dev.gainstage.proto.v1.TapSubscription;
import dev.gainstage.proto.v1.TransportState;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One adapter's Attach stream: the protocol state machine (Hello first, then snapshot, deltas and
 * taps), and the session's {@link AdapterLink} back to the adapter. A refused message is answered
 * with a {@link ProtocolError} naming the problem and the stream stays open; only a stream whose
 * first message is not a Hello this sidecar accepts (its protocol version, a session key) is closed.
 *
 * <p>The stream ends in one of four ways: the adapter completes it, it fails, the adapter's call is
 * cancelled (a crash, a lost connection: the cancel handler hears of it first), or we close it. Each
 * marks the connection closed once: the session is detached, pending fixes and compare requests are refused, and
 * from then on the session's requests ({@link #requestFix}, {@link #requestCompare}, {@link #requestTaps}) are
 * answered or dropped without touching the stream, so a session acting on a link that has just gone never sees an
 * exception. Over 300 lines as the protocol state machine of one stream with its replies; the answers' bookkeeping
 * is {@link PendingAnswers}'s, the translations are in {@code transport.protos}.
 */
final class AdapterConnection implements StreamObserver<AdapterMessage>, AdapterLink {
    private static final Logger LOG = Logger.getLogger(AdapterConnection.class.getName());
    static final int PROTOCOL_VERSION = 1;
    private static final int LOGGED_REFUSALS = 20;

    private final SessionRegistry registry;
    private final ServerCallStreamObserver<SidecarMessage> responses;
    private final PendingAnswers<FixOutcome> pendingFixes = new PendingAnswers<>(FixOutcome::refused);
    private final PendingAnswers<LocateOutcome> pendingLocates = new PendingAnswers<>(LocateOutcome::refused);
    private final PendingAnswers<CompareAnswer> pendingCompares = new PendingAnswers<>(CompareAnswer::refused);
    private final Object sendLock = new Object();
    private SessionEngine engine;
    private volatile Hello hello;
    private boolean closed; // guarded by sendLock
    private long refused;

    /** Call from the service's Attach method: the cancel handler can only be set before it returns. */
    AdapterConnection(SessionRegistry registry, ServerCallStreamObserver<SidecarMessage> responses) {
        this.registry = registry;
        this.responses = responses;
        // With a handler set, gRPC also drops what is sent after a cancel instead of throwing.
        responses.setOnCancelHandler(() -> {
            LOG.info(() -> "adapter '" + adapterName() + "' went away (its call was cancelled)");
            closeQuietly();
        });
    }

    @Override
    public void onNext(AdapterMessage msg) {
        try {
            if (engine == null) {
                if (msg.getBodyCase() != AdapterMessage.BodyCase.HELLO) {
                    close(Status.FAILED_PRECONDITION.withDescription(
                            "the first message of an Attach stream must be hello, not " + msg.getBodyCase()));
                    return;
                }
                onHello(msg.getHello());
                return;
            }
            switch (msg.getBodyCase()) {
                case HELLO ->
                    error(ErrorCode.ERROR_CODE_INVALID_FIELD, "hello", "hello was already sent on this stream", false);
                case SNAPSHOT -> {
                    engine.onSnapshot(
                            msg.getSnapshot().getSequence(),
                            GraphProtos.strips(msg.getSnapshot().getStripsList(), "snapshot.strips"));
                    ack(msg.getSnapshot().getSequence());
                }
                case DELTA -> {
                    engine.onChange(msg.getDelta().getSequence(), GraphProtos.change(msg.getDelta()));
                    ack(msg.getDelta().getSequence());
                }
                case TAPS -> onTaps(msg.getTaps().getBlocksList());
                case FIX_RESULT -> onFixResult(msg.getFixResult());
                case DROPS -> {
                    Map<Integer, Long> drops = new HashMap<>();
                    for (TapDrops d : msg.getDrops().getDropsList()) {
                        drops.put(d.getHandle(), d.getDroppedBlocks());
                    }
                    engine.onDrops(drops);
                }
                case TRANSPORT -> onTransport(msg.getTransport());
                case LOCATE_RESULT -> onLocateResult(msg.getLocateResult());
                case NOTICE -> engine.onAdapterNotice(msg.getNotice().getText());
                case COMPARE_RESULT -> onCompareResult(msg.getCompareResult());
                case BODY_NOT_SET ->
                    error(ErrorCode.ERROR_CODE_INVALID_FIELD, "body", "message carries no body", false);
            }
        } catch (GraphException e) {
            ErrorCode code = switch (e.reason()) {
                case SEQUENCE_GAP -> ErrorCode.ERROR_CODE_SEQUENCE_GAP;
                case UNKNOWN_ID -> ErrorCode.ERROR_CODE_UNKNOWN_ID;
                case NO_SNAPSHOT -> ErrorCode.ERROR_CODE_NO_SNAPSHOT;
                case INVALID -> ErrorCode.ERROR_CODE_INVALID_FIELD;
            };
            error(code, e.field(), e.getMessage(), e.resyncRequired());
        } catch (TapBlockException e) {
            error(
                    e.unknownHandle() ? ErrorCode.ERROR_CODE_UNKNOWN_ID : ErrorCode.ERROR_CODE_INVALID_FIELD,
                    e.field(),
                    e.getMessage(),
                    false);
        } catch (RuntimeException e) {
            // A bug of ours must not take the session down with it; the adapter hears about it.
            LOG.log(Level.SEVERE, "internal error handling " + msg.getBodyCase(), e);
            error(ErrorCode.ERROR_CODE_UNSPECIFIED, "", "internal error: " + e, false);
        }
    }

    private void onHello(Hello h) {
        if (h.getProtocolVersion() != PROTOCOL_VERSION) {
            close(Status.FAILED_PRECONDITION.withDescription("hello.protocol_version " + h.getProtocolVersion()
                    + " is not supported (this sidecar speaks " + PROTOCOL_VERSION + ")"));
            return;
        }
        if (h.getSessionKey().isBlank()) {
            close(Status.INVALID_ARGUMENT.withDescription("hello.session_key is empty"));
            return;
        }
        hello = h;
        engine = registry.open(h.getSessionKey());
        engine.attach(this, h.getSessionName());
        LOG.info(() -> "adapter '" + h.getAdapterName() + "' attached session '" + h.getSessionKey() + "'");
    }

    private void onTaps(List<TapBlock> blocks) throws TapBlockException {
        List<TapBlockData> data = new ArrayList<>(blocks.size());
        for (TapBlock b : blocks) {
            data.add(new TapBlockData(
                    b.getHandle(),
                    b.getSampleRate(),
                    b.getChannels(),
                    b.getFrames(),
                    b.getSamplePosition(),
                    b.getSamples().asReadOnlyByteBuffer()));
        }
        engine.onTaps(data);
    }

    private void onTransport(TransportState t) {
        if (!t.hasPositionSamples()) {
            engine.onTransport(t.getRolling());
            return;
        }
        try {
            engine.onTransport(t.getRolling(), t.getPositionSamples(), t.getSampleRate(), t.getStreamPosition());
        } catch (IllegalArgumentException e) {
            error(ErrorCode.ERROR_CODE_INVALID_FIELD, "transport.sample_rate", e.getMessage(), false);
        }
    }

    private void onLocateResult(DawLocateResult r) {
        LocateOutcome outcome =
                new LocateOutcome(r.getMoved(), r.getMoved() ? r.getPositionSeconds() : Double.NaN, r.getMessage());
        if (!pendingLocates.answer(r.getLocateId(), outcome)) {
            error(
                    ErrorCode.ERROR_CODE_UNKNOWN_ID,
                    "locate_result.locate_id",
                    "no locate request '" + r.getLocateId() + "' is pending",
                    false);
        }
    }

    private void onFixResult(FixResult r) {
        FixOutcome outcome = new FixOutcome(
                r.getApplied(),
                r.getMessage(),
                r.hasGainBeforeDb() ? OptionalDouble.of(r.getGainBeforeDb()) : OptionalDouble.empty(),
                r.hasGainAfterDb() ? OptionalDouble.of(r.getGainAfterDb()) : OptionalDouble.empty());
        if (!pendingFixes.answer(r.getFixId(), outcome)) {
            error(
                    ErrorCode.ERROR_CODE_UNKNOWN_ID,
                    "fix_result.fix_id",
                    "no fix request '" + r.getFixId() + "' is pending",
                    false);
        }
    }

    private void onCompareResult(CompareResult r) {
        if (!pendingCompares.answer(
                r.getCompareId(), new CompareAnswer(r.getApplied(), r.getMessage(), r.getMatchStageId()))) {
            error(
                    ErrorCode.ERROR_CODE_UNKNOWN_ID,
                    "compare_result.compare_id",
                    "no compare request '" + r.getCompareId() + "' is pending",
                    false);
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.info(() -> "adapter stream ended: " + Status.fromThrowable(t));
        closeQuietly(); // the call is over: nothing more can be sent on it
    }

    @Override
    public void onCompleted() {
        if (markClosed()) {
            responses.onCompleted();
            detach();
        }
    }

    // ---- AdapterLink ----------------------------------------------------------------------------

    @Override
    public String adapterName() {
        return hello == null ? "" : hello.getAdapterName();
    }

    @Override
    public boolean canApplyFixes() {
        return hello != null && hello.getCanApplyFixes();
    }

    @Override
    public void requestTaps(Map<Integer, TapKey> taps) {
        TapSubscription.Builder sub = TapSubscription.newBuilder();
        taps.forEach((handle, key) -> sub.addTaps(TapAssignment.newBuilder()
                .setHandle(handle)
                .setStageId(key.stageId())
                .setPoint(GraphProtos.toProto(key.point()))));
        send(SidecarMessage.newBuilder().setTaps(sub).build());
    }

    /** Once the connection is closed, completes at once as refused ("the adapter disconnected"). */
    @Override
    public CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb) {
        return fix(FixRequest.newBuilder().setStageId(stageId).setChangeDb(changeDb));
    }

    /** As {@link #requestFix}, with an absolute target (the adapter's FixRequest.set_gain_db). */
    @Override
    public CompletableFuture<FixOutcome> requestSetGain(String stageId, double gainDb) {
        return fix(FixRequest.newBuilder().setStageId(stageId).setSetGainDb(gainDb));
    }

    private CompletableFuture<FixOutcome> fix(FixRequest.Builder request) {
        return pendingFixes.request(fixId ->
                send(SidecarMessage.newBuilder().setFix(request.setFixId(fixId)).build()));
    }

    /** Once the connection is closed, completes at once as refused ("the adapter disconnected"). */
    @Override
    public CompletableFuture<LocateOutcome> requestLocate(double seconds, boolean roll) {
        return pendingLocates.request(locateId -> send(SidecarMessage.newBuilder()
                .setLocate(DawLocateRequest.newBuilder()
                        .setLocateId(locateId)
                        .setPositionSeconds(seconds)
                        .setRoll(roll))
                .build()));
    }

    /** Once the connection is closed, completes at once as refused ("the adapter disconnected"). */
    @Override
    public CompletableFuture<CompareAnswer> requestCompare(CompareStep step) {
        return pendingCompares.request(id -> send(SidecarMessage.newBuilder()
                .setCompare(CompareProtos.command(id, step))
                .build()));
    }

    // ---- sending ----------------------------------------------------------------------------------

    private void ack(long sequence) {
        send(SidecarMessage.newBuilder()
                .setAck(Ack.newBuilder().setSequence(sequence))
                .build());
    }

    private void error(ErrorCode code, String field, String message, boolean resync) {
        // A misbehaving adapter must not flood the log: the first refusals in full, then a count.
        long n = ++refused;
        if (n <= LOGGED_REFUSALS || n % 1000 == 0) {
            LOG.warning(() -> "refused from adapter '" + adapterName() + "' (" + n + " so far): " + message);
        }
        send(SidecarMessage.newBuilder()
                .setError(ProtocolError.newBuilder()
                        .setCode(code)
                        .setField(field)
                        .setMessage(message)
                        .setResyncRequired(resync))
                .build());
    }

    /** Responses are sent from the stream's thread and from panel calls (fixes): one at a time; none once closed. */
    private void send(SidecarMessage m) {
        synchronized (sendLock) {
            if (!closed) {
                responses.onNext(m);
            }
        }
    }

    /** Ends the stream from our side, telling the adapter why. */
    private void close(Status status) {
        if (markClosed()) {
            responses.onError(status.asRuntimeException());
            detach();
        }
    }

    /** The stream ended on the adapter's side: nothing is sent. */
    private void closeQuietly() {
        if (markClosed()) {
            detach();
        }
    }

    /** True for the one caller that closes the connection; later sends are dropped. */
    private boolean markClosed() {
        synchronized (sendLock) {
            if (closed) {
                return false;
            }
            closed = true;
        }
        return true;
    }

    private void detach() {
        if (engine != null) {
            engine.detach(this);
        }
        pendingFixes.close();
        pendingLocates.close();
        pendingCompares.close();
    }
}
