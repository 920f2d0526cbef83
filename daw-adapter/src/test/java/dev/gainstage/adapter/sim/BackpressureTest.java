package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sidecar that lags: the real-time sim adapter keeps its pace (like an audio thread it never waits), drops
 * what the stream cannot take, counts it, and the view shows the metering gap per stage; what it hands the
 * stream stays within the stream's buffer; when the sidecar keeps up again, the blocks flow again. No timing
 * bound: the behaviour is asserted, however fast the machine is.
 */
class BackpressureTest {
    /**
     * What may be on its way between the adapter and the sidecar's service: the adapter's ready threshold (4 MB)
     * and HTTP/2's windows (1 MB by default on each side), with room to spare.
     */
    private static final long IN_FLIGHT_BOUND_BYTES = 8L << 20;

    /** Generous: the harness's patience on a loaded machine, not a bound on the behaviour. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path store;

    @Test
    void aLaggingSidecarMakesTheAdapterDropNotBufferAndItRecovers() throws Exception {
        LaggingSidecarModule lag = new LaggingSidecarModule(40);
        try (SimSidecarRig rig =
                SimSidecarRig.on(store).sidecarWith(lag).session("lag", "lag").start()) {
            SimAdapter adapter = rig.adapter;
            ManagedChannel channel = rig.channel;
            // Dropped, not buffered: keep lagging until an unbounded buffer would hold twice the bound by now (or
            // the adapter has queued past the bound already).
            await("the sidecar took tap batches", () -> lag.batchesReceived() > 0);
            await(
                    "the adapter dropped batches while the sidecar lagged",
                    () -> adapter.batchesDropped() * lag.largestBatchBytes() > 2 * IN_FLIGHT_BOUND_BYTES
                            || inFlight(adapter, lag) * lag.largestBatchBytes() > IN_FLIGHT_BOUND_BYTES);
            long inFlight = inFlight(adapter, lag);
            assertTrue(
                    inFlight * lag.largestBatchBytes() <= IN_FLIGHT_BOUND_BYTES,
                    "the adapter queued " + inFlight + " batches of up to " + lag.largestBatchBytes()
                            + " bytes for a sidecar that lags (" + adapter.batchesDropped() + " dropped)");

            // Counted: the sidecar shows the drops per stage, as a metering gap.
            Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(120, TimeUnit.SECONDS)
                    .watch(WatchRequest.newBuilder().setSessionKey("lag").build());
            SessionView view = views.next();
            while (view.getDroppedBlocks() <= 100
                    || view.getRows(0).getStages(0).getDroppedBlocks() == 0) {
                view = views.next();
            }
            StageView kick = view.getRows(0).getStages(0);
            assertTrue(kick.getDroppedBlocks() > 0, "the drops are shown per stage as a metering gap: " + kick);

            // Recovers: once the sidecar keeps up, batches flow again and the adapter stops dropping.
            lag.stopLagging();
            long sentAtRecovery = adapter.batchesSent();
            await(
                    "the backlog reached the sidecar and new batches followed",
                    () -> lag.batchesReceived() > sentAtRecovery + 100);
            long[] mark = {adapter.batchesDropped(), lag.batchesReceived()};
            await("100 batches in a row reached the sidecar with none dropped", () -> {
                long dropped = adapter.batchesDropped();
                long received = lag.batchesReceived();
                if (dropped != mark[0]) {
                    mark[0] = dropped;
                    mark[1] = received;
                }
                return received - mark[1] >= 100;
            });
        }
    }

    /** Batches the adapter handed to its stream that the sidecar's service has not taken yet. */
    private static long inFlight(SimAdapter adapter, LaggingSidecarModule lag) {
        return adapter.batchesSent() - lag.batchesReceived();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "never happened: " + what);
            Thread.sleep(20);
        }
    }
}
