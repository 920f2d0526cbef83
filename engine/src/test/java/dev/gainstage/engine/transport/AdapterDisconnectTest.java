package dev.gainstage.engine.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.app.InProcessServerModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.session.FixOutcome;
import dev.gainstage.engine.session.SessionRegistry;
import dev.gainstage.engine.store.DecisionStore;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterServiceGrpc;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SidecarMessage;
import dev.gainstage.proto.v1.Warning;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An adapter that goes away while fixes are asked of it: every fix gets an answer, none an exception. */
class AdapterDisconnectTest {
    private static final String MASTER_OVER = "MASTER_OVER_0DBFS@master/output";

    @TempDir
    Path store;

    private ManagedChannel channel;
    private AutoCloseable server;

    @AfterEach
    void stop() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anApplyFixRacingADisconnectIsRefusedWithTheReason() throws Exception {
        String name = "sidecar-" + UUID.randomUUID();
        SidecarServer sidecar = InProcessServerModule.sidecar(name, store, RuleConfig.defaults())
                .getInstance(SidecarServer.class);
        sidecar.start();
        server = sidecar::stop;
        // Direct executors on both ends: the adapter's cancel reaches the sidecar between the fix's steps.
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        TestAdapter adapter = new TestAdapter(channel).applyingFixes().disconnectingOnFix();
        adapter.hello("fix-race");
        adapter.snapshot(TestSession.session());
        adapter.await(SidecarMessage.BodyCase.ACK);
        adapter.await(SidecarMessage.BodyCase.TAPS);
        // Two clean tracks summing over full scale: the master's fix (a primary, nothing upstream is hot) lowers
        // both faders, so it has steps left to send after the disconnect.
        adapter.streamSines(1.0, tap -> tap.getStageId().startsWith("master/") ? 1.0 : -10.0);
        Warning over = TestSession.awaitView(
                        channel,
                        "fix-race",
                        v -> v.getWarningsList().stream()
                                .anyMatch(w -> w.getId().equals(MASTER_OVER)))
                .getWarningsList()
                .stream()
                .filter(w -> w.getId().equals(MASTER_OVER))
                .findFirst()
                .orElseThrow();
        assertTrue(over.getFixCount() >= 2, "a fix of several steps, so some are sent after the disconnect: " + over);

        ApplyFixResponse response = PanelServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .applyFix(ApplyFixRequest.newBuilder()
                        .setSessionKey("fix-race")
                        .setWarningId(MASTER_OVER)
                        .build());

        assertFalse(response.getApplied());
        assertTrue(response.getMessage().contains("adapter disconnected"), response.getMessage());
    }

    @Test
    void aClosedConnectionAnswersFixesAtOnceAndTakesTapPlansQuietly() throws Exception {
        SessionRegistry registry = new SessionRegistry(
                RuleOverrides.NONE, MeterOptions.defaults(), new DecisionStore(store, Clock.systemUTC()));
        AtomicReference<AdapterConnection> connection = new AtomicReference<>();
        String name = "adapter-" + UUID.randomUUID();
        Server grpc = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new AdapterServiceGrpc.AdapterServiceImplBase() {
                    @Override
                    public StreamObserver<AdapterMessage> attach(StreamObserver<SidecarMessage> responses) {
                        AdapterConnection c =
                                new AdapterConnection(registry, (ServerCallStreamObserver<SidecarMessage>) responses);
                        connection.set(c);
                        return c;
                    }
                })
                .build()
                .start();
        server = () -> grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        TestAdapter adapter = new TestAdapter(channel).applyingFixes();
        adapter.hello("closing");
        awaitTrue(() ->
                registry.find("closing").map(e -> e.state().adapterConnected()).orElse(false));
        AdapterConnection link = connection.get();
        CompletableFuture<FixOutcome> pending = link.requestFix("vox/fader", -3);
        adapter.await(SidecarMessage.BodyCase.FIX);

        adapter.disconnect();

        FixOutcome ended = pending.get(1, TimeUnit.SECONDS); // not the adapter's answer timeout
        assertFalse(ended.applied());
        assertTrue(ended.message().contains("adapter disconnected"), ended.message());
        awaitTrue(() -> !registry.find("closing").orElseThrow().state().adapterConnected());
        CompletableFuture<FixOutcome> late = assertDoesNotThrow(() -> link.requestFix("vox/fader", -3));
        assertTrue(late.isDone(), "a fix asked of a closed connection is answered at once");
        assertFalse(late.join().applied());
        assertTrue(
                late.join().message().contains("adapter disconnected"),
                late.join().message());
        assertDoesNotThrow(() -> link.requestTaps(Map.of(1, new TapKey("vox/fader", TapPoint.OUTPUT))));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
