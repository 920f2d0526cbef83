package dev.gainstage.engine.transport;

import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.session.SessionState;
import dev.gainstage.engine.transport.protos.ViewProtos;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Watch stream. At most {@code max_rate_hz} times a second, if the client can take a message
 * (flow control) and the session changed, it sends the latest view with the warning events the
 * client has not seen. A slow client therefore skips views, never events still in the session's
 * recent-event window, and never slows the session down. New warning events are pushed at once
 * (still only when the client is ready), so a warning reaches the panel within milliseconds. While the adapter sends
 * no audio (nothing is published then), the view goes out again every {@link #SILENCE_STEP_SECONDS}, so the client
 * sees how long the DAW has been silent.
 */
final class ViewWatcher implements Runnable {
    private static final Logger LOG = Logger.getLogger(ViewWatcher.class.getName());
    static final int DEFAULT_RATE_HZ = 30;
    /** While the adapter sends no audio, the unchanged view goes out again this often, its silence grown. */
    static final double SILENCE_STEP_SECONDS = 0.5;

    private final SessionRegistry registry;
    private final WatchRequest request;
    private final ServerCallStreamObserver<SessionView> call;
    private final AtomicBoolean pushQueued = new AtomicBoolean();
    /**
     * Guards {@link #listening} and {@link #stopped}: the registry tells of a session opened on the
     * adapter's thread, possibly just after the watch stopped (it had taken its listeners already).
     */
    private final Object listenLock = new Object();

    private ScheduledFuture<?> schedule;
    private ViewPump pump;
    private volatile SessionEngine listening;
    private boolean stopped;
    private String sentKey = "";
    private long sentVersion = -1;
    /** Whole {@link #SILENCE_STEP_SECONDS} of adapter silence in the view last sent (0 while audio flows). */
    private long sentSilentSteps;

    private volatile long sentEvent;

    ViewWatcher(SessionRegistry registry, WatchRequest request, ServerCallStreamObserver<SessionView> call) {
        this.registry = registry;
        this.request = request;
        this.call = call;
    }

    void start(ViewPump pump) {
        int hz = request.getMaxRateHz() == 0 ? DEFAULT_RATE_HZ : Math.min(request.getMaxRateHz(), 60);
        this.pump = pump;
        call.setOnCancelHandler(this::stop);
        synchronized (this) { // the first run waits for it, and may stop the watch at once
            schedule = pump.every(Math.max(1, 1000 / hz), this);
        }
        registry.onOpen(onOpen);
        registry.resolve(request.getSessionKey()).ifPresent(this::listen);
        synchronized (listenLock) {
            if (stopped) { // stopped meanwhile (the call was cancelled), possibly before onOpen was added
                registry.removeOnOpen(onOpen);
            }
        }
    }

    /**
     * A warning raised or cleared goes out at once; level updates wait for the frame rate. Ignored
     * once stopped: a listener added then would never be removed, and would keep the session from
     * ever being forgotten.
     */
    private void listen(SessionEngine engine) {
        synchronized (listenLock) {
            if (stopped) {
                return;
            }
            if (listening != null) {
                listening.removeListener(onPublish);
            }
            listening = engine;
            engine.addListener(onPublish);
        }
    }

    private final Consumer<SessionEngine> onOpen = this::opened;
    private final Runnable onPublish = this::published;

    private void opened(SessionEngine engine) {
        if (request.getSessionKey().isEmpty() || request.getSessionKey().equals(engine.sessionKey())) {
            listen(engine);
        }
    }

    private void published() {
        SessionEngine engine = listening;
        if (engine != null
                && !engine.state().recentEvents().isEmpty()
                && engine.state().recentEvents().getLast().sequence() > sentEvent
                && pushQueued.compareAndSet(false, true)) {
            pump.now(() -> {
                pushQueued.set(false);
                run();
            });
        }
    }

    private void stop() {
        synchronized (this) {
            if (schedule != null) {
                schedule.cancel(false);
            }
        }
        registry.removeOnOpen(onOpen);
        synchronized (listenLock) {
            stopped = true;
            if (listening != null) {
                listening.removeListener(onPublish);
                listening = null;
            }
        }
    }

    @Override
    public synchronized void run() {
        try {
            if (call.isCancelled()) {
                stop();
                return;
            }
            if (!call.isReady()) {
                return; // the client is behind: skip, the next ready tick sends the latest view
            }
            SessionEngine engine = registry.resolve(request.getSessionKey()).orElse(null);
            if (engine == null) {
                return;
            }
            SessionState state = engine.state();
            if (!state.sessionKey().equals(sentKey)) {
                sentKey = state.sessionKey();
                sentVersion = -1;
                sentEvent = 0;
            }
            OptionalDouble silence = engine.tapSilenceSeconds();
            long silentSteps = silence.isPresent() && silence.getAsDouble() >= SILENCE_STEP_SECONDS
                    ? (long) (silence.getAsDouble() / SILENCE_STEP_SECONDS)
                    : 0;
            if (state.version() == sentVersion && silentSteps == sentSilentSteps) {
                return;
            }
            SessionView view = ViewProtos.withEventsAfter(ViewProtos.view(state, silence), state, sentEvent);
            call.onNext(view);
            sentVersion = state.version();
            sentSilentSteps = silentSteps;
            if (!state.recentEvents().isEmpty()) {
                sentEvent = state.recentEvents().getLast().sequence();
            }
        } catch (RuntimeException e) {
            // Never let an exception kill the shared pump thread's schedule for everybody else.
            LOG.log(Level.WARNING, "watch stream failed; closing it", e);
            stop();
            try {
                call.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
            } catch (RuntimeException ignored) {
                // the call is already closed
            }
        }
    }
}
