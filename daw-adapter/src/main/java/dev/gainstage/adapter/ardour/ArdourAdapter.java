package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.BridgeFormatException;
import dev.gainstage.adapter.ardour.bridge.BridgeFrame;
import dev.gainstage.adapter.ardour.bridge.FrameAssembler;
import dev.gainstage.adapter.ardour.jack.Fanout;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.jack.LoadedLibjack;
import dev.gainstage.adapter.ardour.jack.TapBudget;
import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterNotice;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.FixResult;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TransportState;
import io.grpc.Status;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;

/**
 * The Ardour adapter: receives the bridge's frames over OSC, mirrors them to the sidecar as a snapshot and
 * then ordered deltas, captures the taps the sidecar wants from JACK, and applies fixes through Ardour's
 * OSC surface.
 *
 * <p>Threads: the OSC receiver assembles frames and hands them to one control thread, which owns the graph
 * state, the JACK ports and the wiring; sidecar callbacks (gRPC threads) take the same graph lock to send
 * a snapshot; fixes run on their own thread because they wait for Ardour to show the new value; the tap
 * streamer drains the JACK ring.
 */
public final class ArdourAdapter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArdourAdapter.class.getName());
    /** No frame for this long: Ardour is gone (quit, crashed, or the session was closed). */
    static final long ARDOUR_GONE_MILLIS = 3_000;

    /**
     * @param probeAllocations measure the JACK callback's own allocations (tests)
     */
    /**
     * @param maxTapPorts the JACK ports the taps may use; 0 = PipeWire's default cap (768) when its libjack is
     *                    the one loaded, else no limit
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

    private final Config config;
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
    private final Object graphLock = new Object();

    // graph state, under graphLock
    private volatile ArdourSession current;
    private volatile SidecarLink link;
    private List<Strip> sent; // what the sidecar mirrors on the current stream; null: it needs a snapshot
    private long sequence;
    private boolean rollingSent;
    private boolean ardourGone;
    private volatile long lastFrameNanos;
    private volatile long framesReceived;
    private volatile long snapshotsSent;

    // control-thread state
    private Map<List<String>, Fanout> capturing = Map.of();
    /** The notice last sent about taps left out ("" for none): control thread only. */
    private String lastNotice = "";

    private long lastJackAttempt;
    private volatile int connectedTapChannels;
    private volatile boolean closed;

    public ArdourAdapter(Config config) throws IOException {
        this.config = config;
        this.bridgeSocket = new OscSocket(0, "gainstage-ardour-bridge", this::onBridgeMessage);
        this.heartbeat = new BridgeHeartbeat(config.controlDir(), bridgeSocket.port(), Clock.systemUTC());
        this.jack = new JackTapClient("gainstage", config.probeAllocations());
        this.surface = new ArdourSurface(config.ardourOsc());
        this.streamer = new TapStreamer(jack::plan, () -> link);
    }

    /** Starts talking to the bridge (and JACK); the sidecar is attached when the first frame names the session. */
    public void start() throws IOException {
        heartbeat.beat();
        timer.scheduleAtFixedRate(this::housekeeping, 0, 1, TimeUnit.SECONDS);
    }

    /** The UDP port the bridge reports to. */
    public int bridgePort() {
        return bridgeSocket.port();
    }

    public Optional<ArdourSession> session() {
        return Optional.ofNullable(current);
    }

    public long framesReceived() {
        return framesReceived;
    }

    public JackTapClient jack() {
        return jack;
    }

    public int connectedTapChannels() {
        return connectedTapChannels;
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

    // ---- bridge ---------------------------------------------------------------------------------

    private void onBridgeMessage(OscMessage m) {
        try {
            assembler.accept(m).ifPresent(frame -> control.execute(() -> onFrame(frame)));
        } catch (BridgeFormatException e) {
            LOG.warning(() -> "the bridge sent something the adapter cannot read: " + e.getMessage());
        }
    }

    private void onFrame(BridgeFrame frame) {
        if (closed) {
            return;
        }
        try {
            ArdourSession s = ArdourSession.from(frame);
            lastFrameNanos = System.nanoTime();
            framesReceived++;
            synchronized (graphLock) {
                ArdourSession before = current;
                current = s;
                if (link == null || !before.key().equals(s.key())) {
                    attach(s);
                } else {
                    publish(s);
                }
            }
            updateTaps(false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not apply a bridge frame", e);
        }
    }

    /** A new session (the first, or Ardour opened another): a new attach stream for it. Under graphLock. */
    private void attach(ArdourSession s) {
        SidecarLink old = link;
        if (old != null) {
            LOG.info(() -> "Ardour switched to session " + s.name() + "; attaching it to the sidecar");
            Thread.ofVirtual().start(old::close);
        }
        LOG.info(() -> s.dawName()
                + (s.ardourRevision().isEmpty()
                        ? " (its bridge does not report the revision)"
                        : " (revision " + s.ardourRevision() + ")")
                + " runs session " + s.name() + "; attaching it to the sidecar");
        sent = null;
        ardourGone = false;
        link = new SidecarLink(config.sidecar(), new Listener());
        link.connect();
    }

    /** Sends what changed since the sidecar's copy. Under graphLock. */
    private void publish(ArdourSession s) {
        SidecarLink l = link;
        if (l == null || !l.connected() || sent == null) {
            return;
        }
        if (ardourGone) {
            ardourGone = false;
            LOG.info("Ardour is back");
        }
        List<GraphEvent> events = GraphDiff.between(sent, s.strips());
        if (events == null) {
            sendSnapshot(l, s);
        } else {
            for (GraphEvent e : events) {
                l.send(AdapterMessage.newBuilder()
                        .setDelta(e.toDelta(++sequence))
                        .build());
                LOG.fine(() -> "delta " + sequence + ": " + e);
            }
            sent = s.strips();
        }
        if (s.rolling() != rollingSent) {
            rollingSent = s.rolling();
            l.send(AdapterMessage.newBuilder()
                    .setTransport(TransportState.newBuilder().setRolling(rollingSent))
                    .build());
        }
    }

    /** The Ardour the bridge last reported ("Ardour 9.8"), as the sidecar is told in Hello; empty before a report. */
    public Optional<String> dawName() {
        ArdourSession s = current;
        return s == null ? Optional.empty() : Optional.of(s.dawName());
    }

    /** Snapshots sent since start: each (re)attach sends one; graph changes go as deltas. */
    public long snapshotsSent() {
        return snapshotsSent;
    }

    private void sendSnapshot(SidecarLink l, ArdourSession s) {
        snapshotsSent++;
        l.send(AdapterMessage.newBuilder()
                .setSnapshot(
                        SessionSnapshot.newBuilder().setSequence(++sequence).addAllStrips(s.strips()))
                .build());
        sent = s.strips();
    }

    // ---- taps -----------------------------------------------------------------------------------

    /** Control thread: (re)builds the capture plan when the wanted taps changed, and rewires. */
    private void updateTaps(boolean force) {
        ArdourSession s = current;
        SidecarLink l = link;
        if (s == null || l == null || !jack.alive()) {
            return;
        }
        TapTable table = l.taps();
        TapPriority priority = new TapPriority(s.strips());
        Map<List<String>, Integer> rankOfSource = new HashMap<>();
        Map<List<String>, List<double[]>> bySource = new LinkedHashMap<>();
        List<Map.Entry<ArdourSession.TapKey, TapSource>> entries =
                new ArrayList<>(s.taps().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<ArdourSession.TapKey, TapSource> e) ->
                        e.getKey().stageId())
                .thenComparing(e -> e.getKey().point()));
        for (Map.Entry<ArdourSession.TapKey, TapSource> e : entries) {
            int handle = table.handle(e.getKey().stageId(), e.getKey().point());
            if (handle != 0) {
                bySource.computeIfAbsent(e.getValue().ports(), k -> new ArrayList<>())
                        .add(new double[] {handle, e.getValue().gain()});
                rankOfSource.merge(e.getValue().ports(), priority.rank(e.getKey()), Math::min);
            }
        }
        Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
        bySource.forEach((k, v) -> {
            int[] handles = new int[v.size()];
            float[] gains = new float[v.size()];
            for (int i = 0; i < v.size(); i++) {
                handles[i] = (int) v.get(i)[0];
                gains[i] = (float) v.get(i)[1];
            }
            wanted.put(k, new Fanout(handles, gains));
        });
        TapBudget.Fit fit = TapBudget.fit(wanted, rankOfSource::get, tapPortBudget());
        try {
            if (force || !fit.kept().equals(capturing)) {
                jack.update(fit.kept());
                capturing = fit.kept();
                LOG.fine(() -> "capturing " + fit.kept().size() + " tap sources for " + table.size() + " taps");
                sayWhatIsNotTapped(fit, l);
            }
            connectedTapChannels = jack.wire();
        } catch (JackException e) {
            LOG.warning(() -> "JACK refused a tap change: " + e.getMessage());
        }
    }

    /**
     * The JACK ports the taps may use: the configured number, or PipeWire's cap when its libjack is loaded;
     * 0 for no limit.
     */
    public int tapPortBudget() {
        if (config.maxTapPorts() > 0) {
            return config.maxTapPorts();
        }
        return LoadedLibjack.path().filter(LoadedLibjack::isPipeWire).isPresent()
                ? TapBudget.PIPEWIRE_DEFAULT_PORTS
                : 0;
    }

    /** Tells the user (log and panel) when taps were left out for the port budget, and when that is over. */
    private void sayWhatIsNotTapped(TapBudget.Fit fit, SidecarLink l) {
        String text = fit.complete()
                ? ""
                : ("gainstage can use " + fit.budget() + " JACK ports here, fewer than the "
                        + "session's taps need: " + fit.sourcesLeftOut() + " tap points (" + fit.channelsLeftOut()
                        + " channels) "
                        + "are not metered; the master, buses and plugin outputs are. With PipeWire, raise jack.max-client-ports "
                        + "(and run gainstage ardour --max-tap-ports N).");
        if (text.equals(lastNotice)) {
            return;
        }
        lastNotice = text;
        if (!text.isEmpty()) {
            LOG.warning(text);
        } else {
            LOG.info("every tap fits the JACK port budget again");
        }
        l.send(AdapterMessage.newBuilder()
                .setNotice(AdapterNotice.newBuilder().setText(text))
                .build());
    }

    // ---- housekeeping ---------------------------------------------------------------------------

    private void housekeeping() {
        if (closed) {
            return;
        }
        try {
            heartbeat.beat();
        } catch (IOException e) {
            LOG.warning(() -> "cannot write " + heartbeat.file() + ": " + e.getMessage());
        }
        // JACK is joined only once the bridge reports, i.e. after Ardour has loaded its session: a client
        // appearing while Ardour 7.3 loads a session on JACK2 1.9.21 corrupts Ardour's JACK request channel
        // ("CheckSize error" in jackd, then "JACK HALTED" in Ardour).
        if (framesReceived > 0 && !jack.alive() && System.nanoTime() - lastJackAttempt > 2_000_000_000L) {
            lastJackAttempt = System.nanoTime();
            control.execute(this::openJack);
        }
        if (lastFrameNanos != 0 && System.nanoTime() - lastFrameNanos > ARDOUR_GONE_MILLIS * 1_000_000) {
            synchronized (graphLock) {
                SidecarLink l = link;
                if (!ardourGone && l != null) {
                    ardourGone = true;
                    LOG.warning("no report from Ardour for " + ARDOUR_GONE_MILLIS + " ms; waiting for it");
                    if (rollingSent && l.connected()) {
                        rollingSent = false;
                        l.send(AdapterMessage.newBuilder()
                                .setTransport(TransportState.newBuilder().setRolling(false))
                                .build());
                    }
                }
            }
        }
    }

    private void openJack() {
        if (jack.alive() || closed) {
            return;
        }
        try {
            jack.close();
            jack.open();
            capturing = Map.of();
            updateTaps(true);
        } catch (JackException | RuntimeException e) {
            LOG.warning(() -> "JACK is not available (" + e.getMessage() + "); retrying");
        }
    }

    // ---- sidecar --------------------------------------------------------------------------------

    private final class Listener implements SidecarLink.Listener {
        @Override
        public void onConnected(SidecarLink l) {
            synchronized (graphLock) {
                ArdourSession s = current;
                if (l != link || s == null) {
                    return;
                }
                l.send(AdapterMessage.newBuilder()
                        .setHello(Hello.newBuilder()
                                .setProtocolVersion(1)
                                .setAdapterName("ardour")
                                .setDawName(s.dawName())
                                .setSessionKey(s.key())
                                .setSessionName(s.name())
                                .setCanApplyFixes(true))
                        .build());
                sendSnapshot(l, s);
                rollingSent = s.rolling();
                l.send(AdapterMessage.newBuilder()
                        .setTransport(TransportState.newBuilder().setRolling(rollingSent))
                        .build());
            }
        }

        @Override
        public void onTaps(TapTable taps) {
            control.execute(() -> updateTaps(false));
        }

        @Override
        public void onFix(FixRequest fix) {
            fixes.execute(() -> applyFix(fix));
        }

        @Override
        public void onError(ProtocolError error) {
            LOG.warning(() -> "sidecar refused a message: " + error.getMessage());
            if (error.getResyncRequired()) {
                synchronized (graphLock) {
                    SidecarLink l = link;
                    ArdourSession s = current;
                    if (l != null && s != null) {
                        sendSnapshot(l, s);
                    }
                }
            }
        }

        @Override
        public void onDisconnected(Status status) {
            synchronized (graphLock) {
                sent = null;
            }
            if (!closed) {
                LOG.warning(
                        () -> "lost the sidecar at " + config.sidecar() + " (" + status.getCode() + "); reconnecting");
            }
        }
    }

    // ---- fixes ----------------------------------------------------------------------------------

    private void applyFix(FixRequest fix) {
        FixResult result;
        try {
            result = fixResult(fix);
        } catch (TimeoutException e) {
            result = FixResult.newBuilder()
                    .setFixId(fix.getFixId())
                    .setApplied(false)
                    .setMessage(
                            "Ardour's OSC surface at " + surface.address() + " did not answer /strip/list within 2 s"
                                    + " (is OSC enabled in Ardour's Preferences > Control Surfaces?)")
                    .build();
        } catch (IOException | RuntimeException e) {
            result = FixResult.newBuilder()
                    .setFixId(fix.getFixId())
                    .setApplied(false)
                    .setMessage("could not reach Ardour's OSC surface at " + surface.address() + ": " + e)
                    .build();
        }
        FixResult r = result;
        LOG.info(() -> "fix " + fix.getStageId() + " " + fix.getChangeDb() + " dB: " + r.getMessage());
        SidecarLink l = link;
        if (l != null) {
            l.send(AdapterMessage.newBuilder().setFixResult(r).build());
        }
    }

    private FixResult fixResult(FixRequest fix) throws IOException, TimeoutException {
        FixResult.Builder r = FixResult.newBuilder().setFixId(fix.getFixId()).setApplied(false);
        ArdourSession s = current;
        FixTarget target = s == null ? null : s.fixTargets().get(fix.getStageId());
        if (target == null) {
            return r.setMessage("stage " + fix.getStageId() + " has no gain Ardour's OSC surface can set")
                    .build();
        }
        double now;
        double min;
        double max;
        String what;
        switch (target) {
            case FixTarget.Trim t -> {
                now = t.currentDb();
                min = -20;
                max = 20;
                what = "Trim of " + t.routeName();
            }
            case FixTarget.Fader f -> {
                now = f.currentDb();
                min = -120;
                max = 6;
                what = "Fader of " + f.routeName();
            }
            case FixTarget.PluginOutput p -> {
                now = p.control().value();
                min = p.control().lower();
                max = p.control().upper();
                what = p.control().label() + " of plugin " + p.pluginNumber() + " on " + p.routeName();
            }
        }
        double wanted = now + fix.getChangeDb();
        double value = Math.clamp(wanted, min, max);
        if (Math.abs(value - now) < 0.05) {
            return r.setMessage(what + " is at its limit (" + fmt(now) + "); cannot change it by "
                            + fmt(fix.getChangeDb()) + " dB")
                    .build();
        }
        Integer ssid = surface.strips(2000).get(target.routeName());
        if (ssid == null) {
            return r.setMessage("Ardour's OSC surface does not list strip '" + target.routeName() + "'")
                    .build();
        }
        surface.apply(target, value, ssid);
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            OptionalDouble shown = gainShown(fix.getStageId());
            if (shown.isPresent() && Math.abs(shown.getAsDouble() - value) < 0.1) {
                String partial = Math.abs(value - wanted) > 0.05
                        ? " (limited to its range " + fmt(min) + ".." + fmt(max) + ")"
                        : "";
                return r.setApplied(true)
                        .setMessage(what + " set from " + fmt(now) + " to " + fmt(value) + partial)
                        .build();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return r.setMessage("sent " + what + " = " + fmt(value) + " but Ardour did not show it within 3 s")
                .build();
    }

    private OptionalDouble gainShown(String stageId) {
        ArdourSession s = current;
        if (s != null) {
            for (Strip strip : s.strips()) {
                for (Stage st : strip.getStagesList()) {
                    if (st.getId().equals(stageId) && st.hasGainDb()) {
                        return OptionalDouble.of(st.getGainDb());
                    }
                }
            }
        }
        return OptionalDouble.empty();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public void close() {
        closed = true;
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
        SidecarLink l = link;
        if (l != null) {
            l.close();
        }
        jack.close();
        surface.close();
        bridgeSocket.close();
    }
}
