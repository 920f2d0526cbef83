package dev.gainstage.panel;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.adapter.sim.SimSessionRenderer;
import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarServer;
import java.awt.GraphicsEnvironment;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * For the UI tests: the sidecar and sim of a {@link SimSidecarRig} (by default the demo, played in real time), and
 * the real panel watching them in a window at its default size (820×900) at the screen's top left, dark theme.
 */
final class DemoPanelRig implements AutoCloseable {
    final SimSidecarRig sidecar;
    final SidecarServer server;
    final SidecarAddress address;
    /** The sim's renderer: null when the sidecar's rig has no sim. */
    final SimSessionRenderer renderer;

    final PanelController controller;
    final PanelModel model;
    final PanelFrame frame;

    /** The panel on the sidecar (and sim) that {@code sidecar} makes, started at once. */
    static DemoPanelRig start(SimSidecarRig.Builder sidecar) throws Exception {
        return start(sidecar, false, null);
    }

    /**
     * @param afterPlayed start the panel only once the sim has played what it was given to play
     * @param repaints    installed before the window is made, or null
     */
    static DemoPanelRig start(SimSidecarRig.Builder sidecar, boolean afterPlayed, RepaintManager repaints)
            throws Exception {
        RealParts.require(!GraphicsEnvironment.isHeadless(), "no display: run through scripts/test, which starts Xvfb");
        return new DemoPanelRig(sidecar.start(), afterPlayed, repaints);
    }

    private DemoPanelRig(SimSidecarRig sidecar, boolean afterPlayed, RepaintManager repaints) throws Exception {
        this.sidecar = sidecar;
        server = sidecar.server;
        address = sidecar.address;
        renderer = sidecar.renderer;
        if (afterPlayed) {
            sidecar.awaitPlayed(60);
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
        sidecar.close();
    }
}
