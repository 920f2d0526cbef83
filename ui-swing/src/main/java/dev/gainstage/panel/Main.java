package dev.gainstage.panel;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.panel.dock.Docking;
import dev.gainstage.panel.dock.X11Windows;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;

/** {@code panel [--sidecar HOST:PORT] [--theme dark|light]}: the panel window. */
public final class Main {
    static final String USAGE = "usage: gainstage panel [--sidecar HOST:PORT] [--theme dark|light] [--dock auto|off] "
            + "[--dock-title Ardour]";

    private Main() {}

    public static void main(String[] args) throws Exception {
        SidecarAddress address;
        boolean light;
        String dock;
        String dockTitle;
        try {
            CommandLine cl =
                    CommandLine.parse(Arrays.asList(args), Set.of("sidecar", "theme", "dock", "dock-title"), Set.of());
            address = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            String theme = cl.value("theme", "dark");
            if (!theme.equals("dark") && !theme.equals("light")) {
                throw new CommandLine.UsageException("--theme is dark or light, not '" + theme + "'");
            }
            light = theme.equals("light");
            dock = cl.value("dock", "auto");
            if (!dock.equals("auto") && !dock.equals("off")) {
                throw new CommandLine.UsageException("--dock is auto or off, not '" + dock + "'");
            }
            dockTitle = cl.value("dock-title", "Ardour");
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
        } catch (CommandLine.UsageException e) {
            System.err.println("gainstage panel: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println(
                    "gainstage panel: no display (DISPLAY is not set); run 'gainstage demo --headless' instead");
            System.exit(1);
            return;
        }
        Injector injector = Guice.createInjector(new PanelModule(address));
        PanelController controller = injector.getInstance(PanelController.class);
        PanelModel model = injector.getInstance(PanelModel.class);
        CountDownLatch closed = new CountDownLatch(1);
        PanelFrame[] frames = new PanelFrame[1];
        controller.start();
        SwingUtilities.invokeAndWait(() -> {
            if (light) {
                FlatLightLaf.setup();
            } else {
                FlatDarkLaf.setup();
            }
            PanelFrame frame = new PanelFrame(model, controller.actions());
            frame.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            frame.setVisible(true);
            frames[0] = frame;
        });
        Docking docking = null;
        if (dock.equals("auto")) {
            // Only on X11 with Xlib present; anywhere else the panel is a plain window.
            Optional<X11Windows> x11 = X11Windows.open(dockTitle);
            if (x11.isPresent()) {
                docking = new Docking(
                        frames[0],
                        x11.get(),
                        () -> frames[0].getGraphicsConfiguration().getBounds());
                docking.start();
            }
        }
        closed.await();
        if (docking != null) {
            docking.close();
        }
        controller.close();
        System.exit(0);
    }
}
