package dev.gainstage.panel;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.panel.connection.ViewStream;
import dev.gainstage.proto.v1.SessionView;
import jakarta.inject.Inject;

import javax.swing.SwingUtilities;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connects the model to the sidecar. Views arrive on gRPC threads at up to 30 Hz; only the latest
 * is handed to the EDT, and at most one hand-over is queued at a time, so a busy EDT skips views
 * instead of piling them up.
 */
public final class PanelController implements AutoCloseable {
    private final PanelModel model;
    private final SidecarAddress address;
    private final AtomicReference<SessionView> latest = new AtomicReference<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private ViewStream stream;

    @Inject
    PanelController(PanelModel model, SidecarAddress address) {
        this.model = model;
        this.address = address;
    }

    public void start() {
        stream = new ViewStream(address, this::onView,
                state -> SwingUtilities.invokeLater(() -> model.setConnection(state)));
        stream.start();
    }

    private void onView(SessionView view) {
        latest.set(view);
        if (handOverQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                handOverQueued.set(false);
                model.setView(latest.get());
            });
        }
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
