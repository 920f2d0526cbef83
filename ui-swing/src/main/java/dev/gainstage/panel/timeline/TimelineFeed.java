package dev.gainstage.panel.timeline;

import dev.gainstage.proto.v1.GetHistoryRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionHistoryView;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Fetches the session's warning history (spans only, no levels) once a second on its own thread
 * ({@code gainstage-panel-timeline}) and hands each answer on; the timeline is a view of seconds, so
 * a second's delay costs nothing and the Watch stream stays as it is. A sidecar that does not answer
 * is tried again at the next second.
 */
public final class TimelineFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TimelineFeed.class.getName());
    private static final long PERIOD_MILLIS = 1000;
    private static final long DEADLINE_MILLIS = 2000;

    private final Channel channel;
    private final Supplier<String> sessionKey;
    private final Consumer<SessionHistoryView> sink;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gainstage-panel-timeline");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param sessionKey the session the panel shows ("" for the sidecar's latest), asked at every fetch
     * @param sink gets each history, on the feed's thread
     */
    public TimelineFeed(Channel channel, Supplier<String> sessionKey, Consumer<SessionHistoryView> sink) {
        this.channel = channel;
        this.sessionKey = sessionKey;
        this.sink = sink;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::fetch, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void fetch() {
        try {
            sink.accept(PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                    .getHistory(GetHistoryRequest.newBuilder()
                            .setSessionKey(sessionKey.get())
                            .build()));
        } catch (StatusRuntimeException e) {
            LOG.fine(() -> "no history this time: " + e.getStatus());
        } catch (RuntimeException e) {
            LOG.warning(() -> "the timeline's fetch failed: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
