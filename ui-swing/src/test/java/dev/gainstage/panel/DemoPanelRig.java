package dev.gainstage.panel;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.adapter.sim.SimAdapter;
import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.SimSessions;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * For the UI tests: a real sidecar on loopback, the sim playing the demo session into it, and the real panel
 * watching it in a window at its default size (820×900) at the screen's top left, dark theme. Made by {@link
 * #demo}: by default the sim plays "sim:demo" in real time until {@link #close}, from the start of its timeline.
 */
final class DemoPanelRig implements AutoCloseable {
    final SidecarServer server;
    final SidecarAddress address;
    /** The sim's renderer, adapter and thread: null when made {@link Builder#withoutSim}. */
    final SimSessionRenderer renderer;

    final SimAdapter adapter;
    final Thread sim;
    final PanelController controller;
    final PanelModel model;
    final PanelFrame frame;

    /** A rig whose sidecar keeps its decisions and sessions in {@code store}. */
    static Builder demo(Path store) {
        return new Builder(store);
    }

    /** What differs between the UI tests' rigs; each option says what it changes from the default. */
    static final class Builder {
        private final Path store;
        private String sessionKey = "sim:demo";
        private SimAdapter.Speed speed = SimAdapter.Speed.REALTIME;
        private double seconds;
        private boolean untilPlayed;
        private long fromSeconds;
        private boolean withSim = true;
        private RepaintManager repaints;

        private Builder(Path store) {
            this.store = store;
        }

        /** The session key the sim announces (default "sim:demo"). */
        Builder session(String key) {
            this.sessionKey = key;
            return this;
        }

        /** How fast the sim plays (default real time). */
        Builder speed(SimAdapter.Speed speed) {
            this.speed = speed;
            return this;
        }

        /**
         * The sim plays this much audio, then closes as a DAW that stopped (default: on until {@link #close}).
         *
         * @param untilPlayed start the panel only once the sim has played it
         */
        Builder playing(double seconds, boolean untilPlayed) {
            this.seconds = seconds;
            this.untilPlayed = untilPlayed;
            return this;
        }

        /** The sim's playhead starts here on the demo's timeline, in seconds (default 0). */
        Builder from(long seconds) {
            this.fromSeconds = seconds;
            return this;
        }

        /** Only the sidecar and the panel: the test attaches its own DAW at {@link #address}. */
        Builder withoutSim() {
            this.withSim = false;
            return this;
        }

        /** Installed before the window is made (default: Swing's own). */
        Builder repaints(RepaintManager repaints) {
            this.repaints = repaints;
            return this;
        }

        DemoPanelRig start() throws Exception {
            return new DemoPanelRig(this);
        }
    }

    private DemoPanelRig(Builder b) throws Exception {
        RealParts.require(!GraphicsEnvironment.isHeadless(), "no display: run through scripts/test, which starts Xvfb");
        server = Guice.createInjector(new SidecarModule(SidecarConfig.loopback(0, b.store), RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
        server.start();
        address = new SidecarAddress("127.0.0.1", server.port());
        if (b.withSim) {
            renderer = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
            if (b.fromSeconds > 0) { // a seek is a transport jump the sidecar sees: none unless asked for
                renderer.seek(b.fromSeconds * renderer.sampleRate());
            }
            adapter = new SimAdapter(renderer, b.sessionKey, "gainstage demo", b.speed, address);
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
            if (b.untilPlayed) {
                sim.join(TimeUnit.SECONDS.toMillis(60));
            }
        } else {
            renderer = null;
            adapter = null;
            sim = null;
        }
        Injector injector = Guice.createInjector(new PanelModule(address));
        controller = injector.getInstance(PanelController.class);
        model = injector.getInstance(PanelModel.class);
        controller.start();
        AtomicReference<PanelFrame> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            if (b.repaints != null) {
                RepaintManager.setCurrentManager(b.repaints);
            }
            com.formdev.flatlaf.FlatDarkLaf.setup();
            PanelFrame f = new PanelFrame(model, controller.actions());
            f.setSize(820, 900); // the panel's default size
            f.setLocation(0, 0); // on screen, where a test's Robot clicks find it
            f.setVisible(true);
            made.set(f);
        });
        frame = made.get();
    }

    @Override
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
        controller.close();
        if (adapter != null) {
            adapter.close();
            sim.join(10_000);
        }
        server.stop();
    }
}
