package dev.gainstage.adapter.ardour;

import com.google.inject.Guice;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.testing.ActionHook;
import dev.gainstage.adapter.ardour.testing.ArdourGui;
import dev.gainstage.adapter.ardour.testing.DemoSession;
import dev.gainstage.adapter.ardour.testing.JackGraph;
import dev.gainstage.adapter.ardour.testing.JackServer;
import dev.gainstage.adapter.ardour.testing.Processes;
import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.adapter.ardour.testing.SignalProbe;
import dev.gainstage.adapter.ardour.testing.ViewWatcher;
import dev.gainstage.adapter.ardour.testing.Xvfb;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Real Ardour for the tests: a private JACK server (dummy driver, 48 kHz, 256 frames) named by the JVM's
 * JACK_DEFAULT_SERVER (set in the POM, so the adapter's libjack finds it), or PipeWire serving JACK
 * ({@link JackGraph#startForTests}: GAINSTAGE_AUDIO_SERVER=pipewire), the demo session created headlessly,
 * the sidecar in-process, the Ardour adapter in-process and Ardour in a child process: headless
 * ({@link #start}) or its GUI under Xvfb ({@link #startGui}). Every process it starts is stopped by its handle.
 */
final class ArdourRig implements AutoCloseable {
    final Path dir;
    final Path log;
    final PrintStream logStream;
    private JackGraph jack;
    private Xvfb xvfb;
    ArdourGui gui;
    /**
     * With {@link #startGui}: one probe hook per known numbering, as that release saves the bridge's signals (and a
     * {@link SignalProbe#dropper}, so that Ardour saves its hooks again).
     */
    List<SignalProbe> probes = List.of();

    Path session;
    SidecarServer sidecar;
    ArdourAdapter adapter;
    ArdourHost host;
    ViewWatcher views;
    int sidecarPort;

    private ArdourRig(Path dir) throws IOException {
        this.dir = dir;
        this.log = dir.resolve("rig.log");
        this.logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
    }

    /** Skips (with the reason) when Ardour or JACK is not installed; CI installs both. */
    static Path ardourLuaOrSkip() {
        Path lua = DemoSession.ardourLuaOrSkip();
        RealParts.require(
                System.getenv("JACK_DEFAULT_SERVER") != null,
                "JACK_DEFAULT_SERVER is not set (the POM sets it for surefire)");
        return lua;
    }

    /** How a rig gets its JACK graph: {@link JackGraph#startForTests}, or a particular server. */
    @FunctionalInterface
    interface Server {
        JackGraph start(Path dir) throws Exception;
    }

    /** Headless Ardour ({@code ardourN-lua}, the bridge polled by the host script) on the demo session. */
    static ArdourRig start(Path dir) throws Exception {
        return start(dir, JackGraph::startForTests);
    }

    /** The same, on the JACK graph {@code server} starts. */
    static ArdourRig start(Path dir, Server server) throws Exception {
        ArdourRig rig = new ArdourRig(dir);
        try {
            rig.startJackAndSession(server);
            rig.startSidecar(0);
            rig.views = new ViewWatcher(rig.sidecarPort);
            rig.views.describeOnTimeout(rig::describe);
            rig.startAdapter();
            rig.startHost(rig.session);
            return rig;
        } catch (Exception | AssertionError e) {
            rig.close();
            throw e;
        }
    }

    /**
     * Ardour's GUI on a private Xvfb display with the bridge as its action hook (signals and a timer) and the
     * {@link #probes}, on the demo session; the sidecar and the adapter start once the GUI is up.
     */
    static ArdourRig startGui(Path dir) throws Exception {
        ArdourGui.ardourOrSkip();
        ardourLuaOrSkip();
        ArdourRig rig = new ArdourRig(dir);
        try {
            // the GUI tests run on jackd (ArdourGui restarts it when Ardour 7.3 loses it while loading)
            JackServer jackd = JackServer.start(System.getenv("JACK_DEFAULT_SERVER"), dir.resolve("jackd.log"));
            rig.startJackAndSession(d -> jackd);
            rig.xvfb = Xvfb.start(dir);
            rig.probes = Stream.of(LuaSignals.values())
                    .map(n -> SignalProbe.savedBy(n, dir.resolve("probe-" + n.name() + ".txt")))
                    .toList();
            List<Function<LuaSignals, ActionHook>> hooks = new ArrayList<>();
            rig.probes.forEach(p -> hooks.add(n -> p.hook()));
            hooks.add(SignalProbe::dropper);
            rig.gui = ArdourGui.start(
                    rig.session, rig.xvfb.display(), jackd, dir.resolve("gui"), dir.resolve("control"), true, hooks);
            rig.startSidecar(0);
            rig.views = new ViewWatcher(rig.sidecarPort);
            rig.views.describeOnTimeout(rig::describe);
            rig.startAdapter();
            return rig;
        } catch (Exception | AssertionError e) {
            rig.close();
            throw e;
        }
    }

    private void startJackAndSession(Server server) throws Exception {
        ardourLuaOrSkip();
        jack = server.start(dir);
        session = DemoSession.create(dir, jack, 12);
    }

    /** The JACK graph Ardour and the adapter run on (for Ardour processes a test starts itself). */
    JackGraph jack() {
        return jack;
    }

    void startSidecar(int port) throws IOException {
        sidecar = Guice.createInjector(
                        new SidecarModule(SidecarConfig.loopback(port, dir.resolve("store")), RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
        sidecar.start();
        sidecarPort = sidecar.port();
    }

    void stopSidecar() {
        sidecar.stop();
        sidecar = null;
    }

    private void startAdapter() throws IOException {
        adapter = new ArdourAdapter(new ArdourAdapter.Config(
                new InetSocketAddress("127.0.0.1", 3819),
                new SidecarAddress("127.0.0.1", sidecarPort),
                dir.resolve("control"),
                true));
        adapter.start();
    }

    void startHost(Path sessionFile) throws Exception {
        if (!jack.alive()) {
            // In CI the JACK server of Ardour 9.8's chroot once died as a test stopped Ardour to start it again, and
            // every later start failed for want of it ("Ardour did not load ... in 5 attempts"). The GUI rig restarts
            // JACK the same way when Ardour loses it while loading.
            System.out.println("the JACK server is gone; starting it again before Ardour");
            jack.restart();
        }
        host = ArdourHost.launch(
                ardourLuaOrSkip(),
                sessionFile,
                true,
                0,
                dir.resolve("scripts"),
                dir.resolve("control"),
                Map.of(),
                logStream,
                5);
    }

    void stopHost() throws IOException {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /**
     * A copy of the demo session in another folder: another session for Ardour to open (its key is its path;
     * the folder keeps the session's name, which its interchange folder is named after).
     */
    Path copyOfSession(String folder) throws IOException {
        Path from = session.getParent();
        Path to = dir.resolve(folder).resolve(from.getFileName());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to.resolve(session.getFileName());
    }

    @Override
    public void close() throws Exception {
        if (host != null) {
            host.close();
        }
        if (gui != null) {
            gui.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        if (views != null) {
            views.close();
        }
        if (sidecar != null) {
            sidecar.stop();
        }
        if (jack != null) {
            jack.close();
        }
        logStream.close();
    }

    /**
     * The state of each part, for a wait that timed out: a view with no audio does not say whether JACK, Ardour, the
     * adapter's JACK client or its wiring is missing.
     */
    String describe() {
        StringBuilder b = new StringBuilder("---- the rig:\n");
        b.append("  JACK server: ").append(jack == null ? "none" : jack.alive() ? "running" : "NOT running");
        b.append("\n  Ardour: ")
                .append(host == null ? "not started" : host.process().isAlive() ? "running" : "NOT running")
                .append(gui == null ? "" : gui.alive() ? " (GUI running)" : " (GUI NOT running)");
        if (adapter != null) {
            JackTapClient client = adapter.jack();
            b.append("\n  adapter: bridge frames ")
                    .append(adapter.framesReceived())
                    .append(", snapshots sent ")
                    .append(adapter.snapshotsSent())
                    .append(", JACK client ")
                    .append(client.alive() ? "open" : "CLOSED")
                    .append(", tap sources ")
                    .append(client.sources())
                    .append(", channels wired ")
                    .append(adapter.connectedTapChannels())
                    .append(", periods captured ")
                    .append(client.capturedPeriods())
                    .append(", sent ")
                    .append(adapter.periodsSent())
                    .append(", dropped ")
                    .append(client.droppedPeriods())
                    .append(", xruns ")
                    .append(client.xruns());
        }
        b.append('\n');
        tail(b, "Ardour's output", log, 30);
        if (jack != null) {
            tail(b, "the JACK server's log", jack.log(), 12);
        }
        return b.toString();
    }

    private static void tail(StringBuilder b, String what, Path file, int count) {
        b.append("  ").append(what).append(" (").append(file).append("), last lines:\n");
        Processes.tail(file, count)
                .lines()
                .forEach(l -> b.append("    ").append(l).append('\n'));
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
