package dev.gainstage.adapter.sim.testing;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.SimSessionException;
import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.SimSessions;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * For the tests: a real sidecar on loopback with the default rules, a channel to it, and the sim adapter playing a
 * session into it on a thread of its own; closing stops them all. Made by {@link #on}: by default the sim plays the
 * demo as "sim:demo" in real time until {@link #close}, from the start of its timeline. Shared with ui-swing's tests
 * (the panel's rig is this one plus a window) through daw-adapter's test-jar.
 */
public final class SimSidecarRig implements AutoCloseable {
    public final SidecarServer server;
    public final SidecarAddress address;
    public final ManagedChannel channel;
    /** The sim's renderer and adapter: null when made {@link Builder#withoutSim}. */
    public final SimSessionRenderer renderer;

    public final SimAdapter adapter;
    /** The sim's thread: null without a sim, or when made {@link Builder#simRunByTheTest}. */
    public final Thread sim;

    /** A rig whose sidecar keeps its decisions and sessions in {@code store}. */
    public static Builder on(Path store) {
        return new Builder(store);
    }

    /** What differs between the tests' rigs; each option says what it changes from the default. */
    public static final class Builder {
        private final Path store;
        private Module sidecarExtras = Modules.EMPTY_MODULE;
        private SimSessionRenderer renderer;
        private String sessionKey = "sim:demo";
        private String sessionName = "gainstage demo";
        private SimAdapter.Speed speed = SimAdapter.Speed.REALTIME;
        private double seconds;
        private long fromSeconds;
        private boolean withSim = true;
        private boolean onItsOwnThread = true;

        private Builder(Path store) {
            this.store = store;
        }

        /** Bindings combined with the sidecar's module (default none), say a sidecar that lags. */
        public Builder sidecarWith(Module extras) {
            this.sidecarExtras = extras;
            return this;
        }

        /** What the sim plays (default the demo session); a test may keep it across rigs. */
        public Builder renderer(SimSessionRenderer renderer) {
            this.renderer = renderer;
            return this;
        }

        /** The session key the sim announces (default "sim:demo"), its name staying "gainstage demo". */
        public Builder session(String key) {
            return session(key, sessionName);
        }

        /** The session key and name the sim announces. */
        public Builder session(String key, String name) {
            this.sessionKey = key;
            this.sessionName = name;
            return this;
        }

        /** How fast the sim plays (default real time). */
        public Builder speed(SimAdapter.Speed speed) {
            this.speed = speed;
            return this;
        }

        /** The sim plays this much audio, then closes as a DAW that stopped (default: on until closed). */
        public Builder playing(double seconds) {
            this.seconds = seconds;
            return this;
        }

        /** The sim's playhead starts here on its session's timeline, in seconds (default 0). */
        public Builder from(long seconds) {
            this.fromSeconds = seconds;
            return this;
        }

        /** The test runs the sim itself ({@code rig.adapter.run(seconds)}), on its own thread: none is started. */
        public Builder simRunByTheTest() {
            this.onItsOwnThread = false;
            return this;
        }

        /** Only the sidecar: the test attaches its own DAW at {@link #address}. */
        public Builder withoutSim() {
            this.withSim = false;
            return this;
        }

        public SimSidecarRig start() throws Exception {
            return new SimSidecarRig(this);
        }
    }

    private SimSidecarRig(Builder b) throws Exception {
        server = Guice.createInjector(Modules.combine(
                        new SidecarModule(SidecarConfig.loopback(0, b.store), RuleConfig.defaults()), b.sidecarExtras))
                .getInstance(SidecarServer.class);
        server.start();
        address = new SidecarAddress("127.0.0.1", server.port());
        channel = address.channel();
        if (!b.withSim) {
            renderer = null;
            adapter = null;
            sim = null;
            return;
        }
        renderer = b.renderer != null ? b.renderer : demo();
        if (b.fromSeconds > 0) { // a seek is a transport jump the sidecar sees: none unless asked for
            renderer.seek(b.fromSeconds * renderer.sampleRate());
        }
        adapter = new SimAdapter(renderer, b.sessionKey, b.sessionName, b.speed, address);
        if (!b.onItsOwnThread) {
            sim = null;
            return;
        }
        double seconds = b.seconds;
        sim = Thread.ofPlatform().name("sim").start(() -> {
            try {
                adapter.run(seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (seconds > 0) {
                    adapter.close(); // played out: the session's adapter goes, as a DAW that stopped
                }
            }
        });
    }

    private static SimSessionRenderer demo() throws SimSessionException {
        return SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
    }

    /** Waits (up to {@code seconds}) until the sim has played what it was given to play. */
    public void awaitPlayed(long seconds) throws InterruptedException {
        sim.join(TimeUnit.SECONDS.toMillis(seconds));
    }

    @Override
    public void close() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (sim != null) {
            sim.join(TimeUnit.SECONDS.toMillis(10));
        }
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
    }
}
