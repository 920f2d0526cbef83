package dev.gainstage.panel;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.panel.connection.ViewStream;
import dev.gainstage.panel.timeline.TimelineFeed;
import dev.gainstage.proto.v1.SessionView;
import io.grpc.ManagedChannel;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

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
    private ManagedChannel channel;
    private ViewStream stream;
    private PanelActions actions;
    private TimelineFeed timeline;

    @Inject
    PanelController(PanelModel model, SidecarAddress address) {
        this.model = model;
        this.address = address;
    }

    /** Opens the channel and the watch stream; call once, after the injector is built. */
    public synchronized void start() {
        if (channel != null) {
            throw new IllegalStateException("already started");
        }
        channel = address.channel();
        actions = new PanelActions(model, channel);
        stream = new ViewStream(
                address, channel, this::onView, state -> SwingUtilities.invokeLater(() -> model.setConnection(state)));
        stream.start();
        timeline = new TimelineFeed(
                channel,
                () -> {
                    SessionView v = latest.get();
                    return v == null ? "" : v.getSessionKey();
                },
                history -> SwingUtilities.invokeLater(() -> model.setHistory(history)));
        timeline.start();
    }

    public synchronized PanelActions actions() {
        if (actions == null) {
            throw new IllegalStateException("start() first");
        }
        return actions;
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
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            timeline.close();
            actions.close();
            channel.shutdownNow();
            try {
                channel.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
