package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.BridgeFormatException;
import dev.gainstage.adapter.ardour.bridge.BridgeFrame;
import dev.gainstage.adapter.ardour.bridge.FrameAssembler;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import dev.gainstage.adapter.compare.Comparer;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.CompareResult;
import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.DawLocateResult;
import dev.gainstage.proto.v1.FixRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Ardour adapter: receives the bridge's frames over OSC, mirrors them to the sidecar ({@link SessionMirror}),
 * captures the taps the sidecar wants from JACK ({@link TapWiring}, {@link TapStreamer}), and applies fixes
 * through Ardour's OSC surface ({@link FixApplier}), follows and moves Ardour's transport ({@link
 * TransportFollower}, {@link ArdourLocator}), and runs level-matched comparisons ({@code Comparer} over
 * {@link ArdourCompareHost}). This class is their lifecycle and threads, just over 300 lines because each
 * part's thread hand-off is a line or two here.
 *
 * <p>Threads: the OSC receiver assembles frames and hands them to one control thread, which mirrors them and
 * owns the JACK ports and the wiring; sidecar callbacks (gRPC threads) take the mirror's lock to send a
 * snapshot; fixes run on their own thread because they wait for Ardour to show the new value; the tap
 * streamer drains the JACK ring; the housekeeping timer refreshes the bridge's heartbeat file, (re)joins JACK
 * and notices when Ardour went quiet.
 */
public final class ArdourAdapter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArdourAdapter.class.getName());
    /** No frame for this long: Ardour is gone (quit, crashed, or the session was closed). */
    static final long ARDOUR_GONE_MILLIS = 3_000;
    /** How often Ardour's playhead is asked for, to keep the sidecar's timeline on it. */
    private static final long TRANSPORT_POLL_MILLIS = 250;

    /**
     * @param probeAllocations measure the JACK callback's own allocations (tests)
     * @param maxTapPorts      the JACK ports the taps may use; 0 = PipeWire's default cap (768) when its libjack
     *                         is the one loaded, else no limit
     */
    public record Config(
            InetSocketAddress ardourOsc,
            SidecarAddress sidecar,
            Path controlDir,
            boolean probeAllocations,
            int maxTapPorts) {
        public Config(InetSocketAddress ardourOsc, SidecarAddress sidecar, Path controlDir, boolean probeAllocations) {
            this(ardourOsc, sidecar, controlDir, probeAllocations, 0);
        }
    }

    private final OscSocket bridgeSocket;
    private final FrameAssembler assembler = new FrameAssembler();
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("gainstage-ardour-control").unstarted(r));
    private final ExecutorService fixes = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("gainstage-ardour-fixes").unstarted(r));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("gainstage-ardour-heartbeat").unstarted(r));
    private final BridgeHeartbeat heartbeat;
    private final JackTapClient jack;
    private final TapStreamer streamer;
    private final ArdourSurface surface;
    private final SessionMirror mirror;
    private final TapWiring wiring;
    private final FixApplier fixApplier;
    private final ArdourTransport transport;
    private final TransportFollower transportFollower;
    private final ArdourLocator locator;
    private final Comparer comparer;

    private volatile long lastFrameNanos;
    private volatile long framesReceived;
    private final JackRejoin rejoin = new JackRejoin(); // housekeeping thread only
    private volatile boolean closed;

    public ArdourAdapter(Config config) throws IOException {
        this.bridgeSocket = new OscSocket(0, "gainstage-ardour-bridge", this::onBridgeMessage);
        this.heartbeat = new BridgeHeartbeat(config.controlDir(), bridgeSocket.port(), Clock.systemUTC());
        this.jack = new JackTapClient("gainstage", config.probeAllocations());
        this.surface = new ArdourSurface(config.ardourOsc());
        this.mirror = new SessionMirror(
                config.sidecar(),
                taps -> control.execute(() -> updateTaps(false)),
                fix -> fixes.execute(() -> applyFix(fix)),
                locate -> fixes.execute(() -> locate(locate)),
                new SessionMirror.Compares() {
                    @Override
                    public void onCompare(CompareCommand command) {
                        fixes.execute(() -> compare(command));
                    }

                    @Override
                    public void streamEnded() {
                        if (!closed) { // closing restores by itself, and the fix thread is gone
                            fixes.execute(() -> restoreCompare());
                        }
                    }
                });
        this.wiring = new TapWiring(jack, config.maxTapPorts());
        this.fixApplier = new FixApplier(surface, mirror::session, mirror::link, FixPolicy.DEFAULT);
        this.comparer = new Comparer(new ArdourCompareHost(mirror::session, surface, fixApplier));
        this.streamer = new TapStreamer(jack::plan, mirror::link);
        this.transport = new ArdourTransport(config.ardourOsc());
        this.transportFollower = new TransportFollower(transport, jack, mirror::link);
        this.locator = new ArdourLocator(transport, () -> jack.alive() ? jack.sampleRate() : 0);
    }

    /** Starts talking to the bridge (and JACK); the sidecar is attached when the first frame names the session. */
    public void start() throws IOException {
        heartbeat.beat();
        timer.scheduleAtFixedRate(this::housekeeping, 0, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::followTransport, 500, TRANSPORT_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The UDP port the bridge reports to. */
    public int bridgePort() {
        return bridgeSocket.port();
    }

    public Optional<ArdourSession> session() {
        return Optional.ofNullable(mirror.session());
    }

    /** The Ardour the bridge last reported ("Ardour 9.8"), as the sidecar is told in Hello; empty before a report. */
    public Optional<String> dawName() {
        return session().map(ArdourSession::dawName);
    }

    public long framesReceived() {
        return framesReceived;
    }

    /** Snapshots sent since start: each (re)attach sends one; graph changes go as deltas. */
    public long snapshotsSent() {
        return mirror.snapshotsSent();
    }

    public JackTapClient jack() {
        return jack;
    }

    public int connectedTapChannels() {
        return wiring.connectedTapChannels();
    }

    /** The JACK ports the taps may use (see {@link Config#maxTapPorts}); 0 for no limit. */
    public int tapPortBudget() {
        return wiring.tapPortBudget();
    }

    public int maxTapsInBatch() {
        return streamer.maxTapsInBatch();
    }

    public long periodsSent() {
        return streamer.periodsSent();
    }

    public long implausibleBlocks() {
        return streamer.implausibleBlocks();
    }

    private void onBridgeMessage(OscMessage m) {
        try {
            assembler.accept(m).ifPresent(frame -> control.execute(() -> onFrame(frame)));
        } catch (BridgeFormatException e) {
            LOG.warning(() -> "the bridge sent something the adapter cannot read: " + e.getMessage());
        }
    }

    /** Control thread. */
    private void onFrame(BridgeFrame frame) {
        if (closed) {
            return;
        }
        try {
            ArdourSession s = ArdourSession.from(frame);
            lastFrameNanos = System.nanoTime();
            framesReceived++;
            mirror.mirror(s);
            updateTaps(false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not apply a bridge frame", e);
        }
    }

    /** Fix thread. */
    private void applyFix(FixRequest fix) {
        fixApplier.apply(fix);
    }

    /** Fix thread: moves the playhead, tells the sidecar the new transport position, then answers. */
    private void locate(DawLocateRequest request) {
        DawLocateResult result = locator.locate(request);
        if (result.getMoved()) {
            transportFollower.anchorNow();
        }
        SidecarLink l = mirror.link();
        if (l != null) {
            l.send(AdapterMessage.newBuilder().setLocateResult(result).build());
        }
    }

    /** Housekeeping thread. */
    private void followTransport() {
        if (!closed && framesReceived > 0) {
            transportFollower.poll();
        }
    }

    /** Fix thread: a compare step waits for Ardour like a fix. */
    private void compare(CompareCommand command) {
        CompareResult result = comparer.handle(command);
        SidecarLink link = mirror.link();
        if (link != null) {
            link.send(AdapterMessage.newBuilder().setCompareResult(result).build());
        }
    }

    /** Fix thread. */
    private void restoreCompare() {
        comparer.restore();
    }

    /** Whether a level-matched A/B is running. */
    public boolean comparing() {
        return comparer.comparing();
    }

    /** Control thread. */
    private void updateTaps(boolean force) {
        wiring.update(mirror.session(), mirror.link(), force);
    }

    private void housekeeping() {
        if (closed) {
            return;
        }
        try {
            heartbeat.beat();
        } catch (IOException e) {
            LOG.warning(() -> "cannot write " + heartbeat.file() + ": " + e.getMessage());
        }
        if (rejoin.due(System.nanoTime(), jack.alive(), lastFrameNanos, jack.lostNanos())) {
            control.execute(this::openJack);
        }
        if (lastFrameNanos != 0 && System.nanoTime() - lastFrameNanos > ARDOUR_GONE_MILLIS * 1_000_000) {
            mirror.ardourGone(ARDOUR_GONE_MILLIS);
        }
    }

    /** Control thread. */
    private void openJack() {
        if (jack.alive() || closed) {
            return;
        }
        wiring.reopen(mirror.session(), mirror.link());
    }

    @Override
    public void close() {
        closed = true;
        comparer.restore(); // before the surface closes: the plugin must not stay bypassed
        timer.shutdownNow();
        try {
            heartbeat.stop();
        } catch (IOException e) {
            LOG.fine(() -> "could not remove " + heartbeat.file() + ": " + e.getMessage());
        }
        control.shutdown();
        fixes.shutdownNow();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streamer.close();
        mirror.close();
        jack.close();
        surface.close();
        transport.close();
        bridgeSocket.close();
    }
}
