package dev.gainstage.adapter.ardour;

import com.google.inject.Guice;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.grpc.SidecarConfig;
import dev.gainstage.engine.grpc.SidecarModule;
import dev.gainstage.engine.grpc.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Ardour for the tests: a private JACK server (dummy driver, 48 kHz, 256 frames) named by the JVM's
 * JACK_DEFAULT_SERVER (set in the POM, so the adapter's libjack finds it), the demo session created headlessly,
 * the sidecar in-process, the Ardour adapter in-process and headless Ardour in a child process. Every process
 * it starts is stopped by its handle.
 */
final class ArdourRig implements AutoCloseable {
    final Path dir;
    final Path log;
    final PrintStream logStream;
    private Process jackd;
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
        Optional<Path> lua = ArdourHost.ardourLua();
        assumeTrue(lua.isPresent() && ArdourHost.onPath("jackd").isPresent(),
                "ardour7-lua and jackd are not installed (Debian: apt-get install ardour jackd2); skipping the Ardour tests");
        assumeTrue(System.getenv("JACK_DEFAULT_SERVER") != null,
                "JACK_DEFAULT_SERVER is not set (the POM sets it for surefire)");
        return lua.get();
    }

    static ArdourRig start(Path dir) throws Exception {
        ArdourRig rig = new ArdourRig(dir);
        try {
            rig.startJack();
            rig.createSession();
            rig.startSidecar(0);
            rig.views = new ViewWatcher(rig.sidecarPort);
            rig.startAdapter();
            rig.startHost(rig.session);
            return rig;
        } catch (Exception | AssertionError e) {
            rig.close();
            throw e;
        }
    }

    private void startJack() throws Exception {
        String server = System.getenv("JACK_DEFAULT_SERVER");
        jackd = new ProcessBuilder("jackd", "-n", server, "-d", "dummy", "-r", "48000", "-p", "256")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("jackd.log").toFile()))
                .start();
        Process wait = new ProcessBuilder("jack_wait", "-w", "-t", "10").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!wait.waitFor(15, TimeUnit.SECONDS) || wait.exitValue() != 0 || !jackd.isAlive()) {
            throw new IOException("jackd did not start; see " + dir.resolve("jackd.log"));
        }
    }

    /** The demo session (make-demo-session.lua), tones recorded in; a retry covers Ardour's JACK race. */
    private void createSession() throws Exception {
        Path script = BridgeScripts.writeTo(dir.resolve("scripts"), BridgeScripts.DEMO_SESSION);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path target = dir.resolve("session" + attempt);
            Process p = new ProcessBuilder(ardourLuaOrSkip().toString(), "-X", script.toString(), target.toString(), "demo",
                    "12").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("make-session.log").toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            try (Stream<Path> files = Files.walk(target)) {
                if (files.anyMatch(f -> f.toString().endsWith(".wav") && f.toFile().length() > 100_000)) {
                    session = target.resolve("demo.ardour");
                    SessionFiles.enableOsc(session);
                    return;
                }
            } catch (IOException e) {
                // no session folder: try again
            }
            Thread.sleep(1000);
        }
        throw new IOException("could not create the demo session; see " + dir.resolve("make-session.log"));
    }

    void startSidecar(int port) throws IOException {
        sidecar = Guice.createInjector(new SidecarModule(SidecarConfig.loopback(port, dir.resolve("store")),
                RuleConfig.defaults())).getInstance(SidecarServer.class);
        sidecar.start();
        sidecarPort = sidecar.port();
    }

    void stopSidecar() {
        sidecar.stop();
        sidecar = null;
    }

    private void startAdapter() throws IOException {
        adapter = new ArdourAdapter(new ArdourAdapter.Config(new InetSocketAddress("127.0.0.1", 3819),
                new SidecarAddress("127.0.0.1", sidecarPort), dir.resolve("control"), true));
        adapter.start();
    }

    void startHost(Path sessionFile) throws Exception {
        host = ArdourHost.launch(ardourLuaOrSkip(), sessionFile, true, 0, dir.resolve("scripts"), dir.resolve("control"),
                Map.of(), logStream, 5);
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
        if (adapter != null) {
            adapter.close();
        }
        if (views != null) {
            views.close();
        }
        if (sidecar != null) {
            sidecar.stop();
        }
        if (jackd != null) {
            jackd.destroy();
            if (!jackd.waitFor(5, TimeUnit.SECONDS)) {
                jackd.destroyForcibly().waitFor();
            }
        }
        logStream.close();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
