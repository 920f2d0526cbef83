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
 * watching it in a window at its default size (820×900), dark theme.
 */
final class DemoPanelRig implements AutoCloseable {
    final SidecarServer server;
    final SimSessionRenderer renderer;
    final SimAdapter adapter;
    final Thread sim;
    final PanelController controller;
    final PanelModel model;
    final PanelFrame frame;

    /**
     * @param seconds     how much audio the sim plays before it closes (forever, until {@link #close}, when <= 0)
     * @param untilPlayed start the panel only once the sim has played them
     * @param repaints    installed before the window is made, or null
     */
    DemoPanelRig(
            Path store,
            String sessionKey,
            SimAdapter.Speed speed,
            double seconds,
            boolean untilPlayed,
            RepaintManager repaints)
            throws Exception {
        RealParts.require(!GraphicsEnvironment.isHeadless(), "no display: run through scripts/test, which starts Xvfb");
        server = Guice.createInjector(new SidecarModule(SidecarConfig.loopback(0, store), RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
        server.start();
        SidecarAddress address = new SidecarAddress("127.0.0.1", server.port());
        renderer = SimSessionRenderer.create(SimSessions.demo(), Path.of("."));
        adapter = new SimAdapter(renderer, sessionKey, "gainstage demo", speed, address);
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
        if (untilPlayed) {
            sim.join(TimeUnit.SECONDS.toMillis(60));
        }
        Injector injector = Guice.createInjector(new PanelModule(address));
        controller = injector.getInstance(PanelController.class);
        model = injector.getInstance(PanelModel.class);
        controller.start();
        AtomicReference<PanelFrame> made = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            if (repaints != null) {
                RepaintManager.setCurrentManager(repaints);
            }
            com.formdev.flatlaf.FlatDarkLaf.setup();
            PanelFrame f = new PanelFrame(model, controller.actions());
            f.setSize(820, 900); // the panel's default size
            f.setVisible(true);
            made.set(f);
        });
        frame = made.get();
    }

    @Override
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(frame::dispose);
        controller.close();
        adapter.close();
        sim.join(10_000);
        server.stop();
    }
}
