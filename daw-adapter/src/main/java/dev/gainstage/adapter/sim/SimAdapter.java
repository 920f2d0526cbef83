package dev.gainstage.adapter.sim;

import com.google.protobuf.ByteString;
import dev.gainstage.adapter.compare.Comparer;
import dev.gainstage.adapter.link.PeriodBacklog;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.CompareResult;
import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.DawLocateResult;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.FixResult;
import dev.gainstage.proto.v1.GainChanged;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SessionDelta;
import dev.gainstage.proto.v1.StageActiveChanged;
import dev.gainstage.proto.v1.TapBatch;
import dev.gainstage.proto.v1.TapBlock;
import dev.gainstage.proto.v1.TapDropReport;
import dev.gainstage.proto.v1.TapDrops;
import dev.gainstage.proto.v1.TapPoint;
import dev.gainstage.proto.v1.TransportState;
import io.grpc.Status;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The sim adapter: renders a {@link SimSessionRenderer} block by block and streams every tap the
 * sidecar subscribed to, as one {@link TapBatch} per block. In real-time mode it keeps the session's
 * pace and, like a real audio thread, never waits when the sidecar lags: a few blocks are held
 * ({@link PeriodBacklog}), then dropped (the drops are counted and reported); at max speed it waits for
 * flow control instead, so nothing is lost.
 * It applies fix requests and compare steps ({@link Comparer}) to the renderer and reports the new gains and
 * activity as deltas. Over 300 lines because the render loop, the sidecar's messages and the batch builder share
 * one stream and one delta sequence.
 */
public final class SimAdapter implements SidecarLink.Listener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimAdapter.class.getName());

    public enum Speed {
        REALTIME,
        MAX
    }

    private final SimSessionRenderer renderer;
    private final String sessionKey;
    private final String sessionName;
    private final Speed speed;
    private final SidecarLink link;
    private final Comparer comparer;
    private final AtomicLong sequence = new AtomicLong();
    private final PeriodBacklog backlog;
    private final Map<Integer, Long> drops = new HashMap<>();
    private final Object graphLock = new Object();
    private volatile boolean stopping;
    // written by the render loop only
    private volatile long batchesSent;
    private volatile long batchesDropped;

    public SimAdapter(
            SimSessionRenderer renderer, String sessionKey, String sessionName, Speed speed, SidecarAddress sidecar) {
        this.renderer = renderer;
        this.sessionKey = sessionKey;
        this.sessionName = sessionName;
        this.speed = speed;
        this.link = new SidecarLink(sidecar, this);
        this.comparer = new Comparer(new SimCompareHost(renderer));
        this.backlog = new PeriodBacklog(link, new PeriodBacklog.Outcome() {
            @Override
            public void sent(PeriodBacklog.Period p) {
                batchesSent++;
            }

            @Override
            public void dropped(PeriodBacklog.Period p) {
                for (TapBlock b : p.batch().getBlocksList()) {
                    drops.merge(b.getHandle(), 1L, Long::sum);
                }
                batchesDropped++;
            }
        });
    }

    public SidecarLink link() {
        return link;
    }

    /** Renders and streams until {@code seconds} of audio have been rendered (forever if <= 0) or {@link #close}. */
    public void run(double seconds) throws InterruptedException {
        link.connect();
        long totalFrames = seconds > 0 ? Math.round(seconds * renderer.sampleRate()) : Long.MAX_VALUE;
        long startNanos = System.nanoTime();
        long lastDropReport = startNanos;
        BatchBuilder batch = new BatchBuilder(renderer.sampleRate());
        SimSessionRenderer.TransportAnchor anchorSent = renderer.anchor();
        while (!stopping && renderer.position() < totalFrames) {
            TapTable taps = link.taps();
            if (taps.size() == 0) {
                // Not subscribed yet (connecting, or the sidecar restarted): the session plays on in real
                // time, as a DAW would; at max speed there is no point rendering for nobody.
                if (speed == Speed.MAX) {
                    Thread.sleep(5);
                    continue;
                }
            }
            batch.reset(taps);
            renderer.renderBlock(batch);
            if (taps.size() > 0) {
                deliver(batch);
            }
            SimSessionRenderer.TransportAnchor anchor = renderer.anchor();
            if (anchor != anchorSent) { // a seek or the loop: the transport jumped
                anchorSent = anchor;
                // Under the lock onConnected sends the anchor it reads under: a new stream never gets an older one
                // last.
                synchronized (graphLock) {
                    sendTransport(link, anchor);
                }
            }
            if (speed == Speed.REALTIME) {
                backlog.waitUntil(startNanos + Math.round(renderer.position() * 1e9 / renderer.sampleRate()));
            }
            if (System.nanoTime() - lastDropReport > 1_000_000_000L) {
                lastDropReport = System.nanoTime();
                reportDrops();
            }
        }
        reportDrops();
    }

    private void deliver(BatchBuilder batch) throws InterruptedException {
        if (speed == Speed.REALTIME) {
            backlog.add(batch.build(), System.nanoTime());
            return;
        }
        while (!stopping && !link.awaitReady(200)) {
            if (!link.connected()) {
                return;
            }
        }
        if (link.send(AdapterMessage.newBuilder().setTaps(batch.build()).build())) {
            batchesSent++;
        }
    }

    /** Batches (one per rendered block) handed to the sidecar's stream so far. */
    public long batchesSent() {
        return batchesSent;
    }

    /** Batches dropped (and counted per tap) because the stream could not take them: real time never waits. */
    public long batchesDropped() {
        return batchesDropped;
    }

    private void reportDrops() {
        if (drops.isEmpty()) {
            return;
        }
        TapDropReport.Builder r = TapDropReport.newBuilder();
        drops.forEach((h, n) -> r.addDrops(TapDrops.newBuilder().setHandle(h).setDroppedBlocks(n)));
        link.send(AdapterMessage.newBuilder().setDrops(r).build());
    }

    // ---- sidecar events -------------------------------------------------------------------------

    @Override
    public void onConnected(SidecarLink l) {
        synchronized (graphLock) {
            l.send(AdapterMessage.newBuilder()
                    .setHello(Hello.newBuilder()
                            .setProtocolVersion(1)
                            .setAdapterName("sim")
                            .setDawName("gainstage sim")
                            .setSessionKey(sessionKey)
                            .setSessionName(sessionName)
                            .setCanApplyFixes(true))
                    .build());
            sendSnapshot(l);
            sendTransport(l, renderer.anchor());
        }
    }

    /** The sim always rolls; its transport was at the anchor's frame when its tap stream was at the anchor's position. */
    private void sendTransport(SidecarLink l, SimSessionRenderer.TransportAnchor anchor) {
        l.send(AdapterMessage.newBuilder()
                .setTransport(TransportState.newBuilder()
                        .setRolling(true)
                        .setPositionSamples(anchor.transportFrame())
                        .setSampleRate(renderer.sampleRate())
                        .setStreamPosition(anchor.streamPosition()))
                .build());
    }

    /** Seeks the renderer (from its next block on; the sim always rolls, so {@code roll} changes nothing). */
    @Override
    public void onLocate(SidecarLink l, DawLocateRequest request) {
        DawLocateResult.Builder result = DawLocateResult.newBuilder().setLocateId(request.getLocateId());
        double seconds = request.getPositionSeconds();
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            result.setMessage("position " + seconds + " s is not on the timeline");
        } else {
            long frame = renderer.seek(Math.round(seconds * renderer.sampleRate()));
            result.setMoved(true).setPositionSeconds(frame / (double) renderer.sampleRate());
            LOG.info(() -> "located to " + frame + " (" + seconds + " s asked)");
        }
        l.send(AdapterMessage.newBuilder().setLocateResult(result).build());
    }

    private void sendSnapshot(SidecarLink l) {
        l.send(AdapterMessage.newBuilder()
                .setSnapshot(renderer.snapshot(sequence.incrementAndGet()))
                .build());
    }

    @Override
    public void onTaps(TapTable taps) {
        LOG.fine(() -> "sidecar subscribed to " + taps.size() + " taps");
    }

    @Override
    public void onFix(FixRequest fix) {
        FixOutcome outcome = fix.hasSetGainDb()
                ? renderer.setGain(fix.getStageId(), fix.getSetGainDb())
                : renderer.applyGainChange(fix.getStageId(), fix.getChangeDb());
        synchronized (graphLock) {
            FixResult.Builder result = FixResult.newBuilder()
                    .setFixId(fix.getFixId())
                    .setApplied(outcome.applied())
                    .setMessage(outcome.message());
            if (outcome.applied()) {
                result.setGainBeforeDb(outcome.beforeDb()).setGainAfterDb(outcome.afterDb());
            }
            link.send(AdapterMessage.newBuilder().setFixResult(result).build());
            if (outcome.applied()) {
                newGain(fix.getStageId());
            }
        }
        LOG.info(() -> "fix " + fix.getStageId() + " "
                + (fix.hasSetGainDb() ? "= " + fix.getSetGainDb() : fix.getChangeDb()) + " dB: " + outcome.message());
    }

    /** Plays the side asked for and reports what changed: the result, then the plugin's and its match's new state. */
    @Override
    public void onCompare(CompareCommand command) {
        CompareResult result = comparer.handle(command);
        synchronized (graphLock) {
            link.send(AdapterMessage.newBuilder().setCompareResult(result).build());
            if (result.getApplied()) {
                newActive(command.getStageId());
                newGain(result.getMatchStageId().isEmpty() ? command.getStageId() : result.getMatchStageId());
            }
        }
    }

    /** Whether a level-matched A/B is running (the sidecar went away mid-compare: it is not). */
    public boolean comparing() {
        return comparer.comparing();
    }

    /** Tells the sidecar whether a plugin is active now. */
    private void newActive(String stageId) {
        renderer.pluginActive(stageId)
                .ifPresent(active -> link.send(AdapterMessage.newBuilder()
                        .setDelta(SessionDelta.newBuilder()
                                .setSequence(sequence.incrementAndGet())
                                .setStageActiveChanged(StageActiveChanged.newBuilder()
                                        .setStageId(stageId)
                                        .setActive(active)))
                        .build()));
    }

    /** Tells the sidecar a stage's new gain, when the stage shows one (trim, fader, send). */
    private void newGain(String stageId) {
        OptionalDouble gain = renderer.gainShown(stageId);
        if (gain.isPresent()) {
            link.send(AdapterMessage.newBuilder()
                    .setDelta(SessionDelta.newBuilder()
                            .setSequence(sequence.incrementAndGet())
                            .setGainChanged(
                                    GainChanged.newBuilder().setStageId(stageId).setGainDb(gain.getAsDouble())))
                    .build());
        }
    }

    @Override
    public void onError(ProtocolError error) {
        LOG.warning(() -> "sidecar refused a message: " + error.getMessage());
        if (error.getResyncRequired()) {
            synchronized (graphLock) {
                sendSnapshot(link);
            }
        }
    }

    /** The sidecar is gone: a comparison it started must not leave the plugin bypassed or a gain changed. */
    @Override
    public void onDisconnected(Status status) {
        comparer.restore();
        if (!stopping) {
            LOG.warning(() -> "lost the sidecar at " + link.address() + " (" + status.getCode() + "); reconnecting");
        }
    }

    @Override
    public void close() {
        stopping = true;
        link.close();
        comparer.restore();
    }

    /** Collects one block's taps into a batch; only the taps the sidecar wants are encoded. */
    private static final class BatchBuilder implements TapSink {
        private final int sampleRate;
        private TapTable taps = TapTable.EMPTY;
        private TapBatch.Builder batch = TapBatch.newBuilder();
        private ByteBuffer scratch = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

        BatchBuilder(int sampleRate) {
            this.sampleRate = sampleRate;
        }

        void reset(TapTable newTaps) {
            taps = newTaps;
            batch = TapBatch.newBuilder();
        }

        @Override
        public void accept(
                String stageId, TapPoint point, float[] interleaved, int channels, int frames, long samplePosition) {
            int handle = taps.handle(stageId, point);
            if (handle == 0) {
                return;
            }
            int bytes = frames * channels * Float.BYTES;
            if (scratch.capacity() < bytes) {
                scratch = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
            scratch.clear();
            scratch.asFloatBuffer().put(interleaved, 0, frames * channels);
            scratch.limit(bytes);
            batch.addBlocks(TapBlock.newBuilder()
                    .setHandle(handle)
                    .setSampleRate(sampleRate)
                    .setChannels(channels)
                    .setFrames(frames)
                    .setSamplePosition(samplePosition)
                    .setSamples(ByteString.copyFrom(scratch)));
        }

        TapBatch build() {
            return batch.build();
        }
    }
}
