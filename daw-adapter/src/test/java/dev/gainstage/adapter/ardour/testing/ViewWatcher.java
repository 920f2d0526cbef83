package dev.gainstage.adapter.ardour.testing;

import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WarningState;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Watches the sidecar's session views as the panel does, across sidecar restarts; records warning events. */
public final class ViewWatcher implements AutoCloseable {
    /** A warning event and when the watcher received it. */
    public record Event(long nanos, Warning warning) {}

    private final int port;
    private final AtomicReference<SessionView> latest = new AtomicReference<>();
    private final List<Event> events = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ManagedChannel channel;
    /** What the rig says of its parts when a wait times out (a view alone does not say why audio stopped). */
    private volatile Supplier<String> context = () -> "";

    public ViewWatcher(int port) {
        this.port = port;
        this.thread = Thread.ofPlatform().daemon().name("test-view-watcher").start(this::run);
    }

    private void run() {
        while (running) {
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port)
                    .usePlaintext()
                    .build();
            try {
                Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                        .withWaitForReady()
                        .watch(WatchRequest.newBuilder().setMaxRateHz(30).build());
                while (running && views.hasNext()) {
                    SessionView v = views.next();
                    long now = System.nanoTime();
                    synchronized (events) {
                        for (Warning w : v.getEventsList()) {
                            events.add(new Event(now, w));
                        }
                    }
                    latest.set(v);
                }
            } catch (RuntimeException e) {
                // the sidecar went away: watch again when it is back
            } finally {
                channel.shutdownNow();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Adds {@code context}'s text to the error of every wait that times out. */
    public void describeOnTimeout(Supplier<String> context) {
        this.context = context;
    }

    public SessionView latest() {
        return latest.get();
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits for a view that passes; fails with the last view seen. */
    public SessionView await(String what, long timeoutMillis, Predicate<SessionView> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            SessionView v = latest.get();
            if (v != null && condition.test(v)) {
                return v;
            }
            Thread.sleep(50);
        }
        String around;
        try {
            around = context.get();
        } catch (RuntimeException e) {
            around = "(the rig could not describe itself: " + e + ")";
        }
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "; last view:\n"
                + describe(latest.get()) + around);
    }

    /** When the warning {@code id} was first seen raised among the events from index {@code from} on. */
    public long raisedNanos(String id, int from) {
        List<Event> all = events();
        return all.subList(from, all.size()).stream()
                .filter(e ->
                        e.warning().getId().equals(id) && e.warning().getState() == WarningState.WARNING_STATE_RAISED)
                .mapToLong(Event::nanos)
                .findFirst()
                .orElseThrow();
    }

    public static Optional<Warning> warning(SessionView v, String rule, String stageId) {
        return v.getWarningsList().stream()
                .filter(w -> w.getRule().name().equals(rule) && w.getStageId().equals(stageId))
                .findFirst();
    }

    public static Optional<StageView> stage(SessionView v, String stageId) {
        return v.getRowsList().stream()
                .flatMap(r -> r.getStagesList().stream())
                .filter(s -> s.getStageId().equals(stageId))
                .findFirst();
    }

    public static Optional<OverviewRow> row(SessionView v, String name) {
        return v.getRowsList().stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    public static String describe(SessionView v) {
        if (v == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder("session " + v.getSessionKey() + " connected=" + v.getAdapterConnected()
                + " t=" + v.getAudioTimeSeconds() + "\n");
        for (OverviewRow r : v.getRowsList()) {
            b.append("  ")
                    .append(r.getStripId())
                    .append(' ')
                    .append(r.getName())
                    .append(" -> ")
                    .append(r.getOutputsList())
                    .append('\n');
            for (StageView s : r.getStagesList()) {
                b.append("    ")
                        .append(s.getStageId())
                        .append(' ')
                        .append(s.getName())
                        .append(s.getActive() ? "" : " (off)")
                        .append(" in=")
                        .append(s.getInput().hasSamplePeakDbfs() ? s.getInput().getSamplePeakDbfs() : "-")
                        .append(" out=")
                        .append(
                                s.getOutput().hasSamplePeakDbfs()
                                        ? s.getOutput().getSamplePeakDbfs()
                                        : "-")
                        .append('\n');
            }
        }
        for (Warning w : v.getWarningsList()) {
            b.append("  ! ")
                    .append(w.getId())
                    .append(' ')
                    .append(w.getMeasured())
                    .append(' ')
                    .append(w.getMessage())
                    .append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        ManagedChannel c = channel;
        if (c != null) {
            c.shutdownNow();
        }
        thread.join(2000);
    }
}
