package dev.gainstage.panel.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.app.SidecarConfig;
import dev.gainstage.engine.app.SidecarModule;
import dev.gainstage.engine.app.SidecarServer;
import dev.gainstage.engine.rules.RuleConfig;
import io.grpc.ManagedChannel;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A panel started before its sidecar says so with the command that starts one where it looks, and turns
 * "connected" as soon as the sidecar runs, before any DAW session exists.
 */
class ViewStreamTest {
    @TempDir
    Path store;

    private static ConnectionState await(AtomicReference<ConnectionState> state, ConnectionState.Kind kind)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            ConnectionState s = state.get();
            if (s != null && s.kind() == kind) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never " + kind + "; last state " + state.get());
    }

    @Test
    void aSidecarStartedAfterThePanelShowsAsConnectedWithNoAdapter() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SidecarAddress address = new SidecarAddress("127.0.0.1", port);
        ManagedChannel channel = address.channel();
        AtomicReference<ConnectionState> state = new AtomicReference<>();
        SidecarServer server = null;
        try (ViewStream stream = new ViewStream(address, channel, v -> {}, state::set)) {
            stream.start();
            ConnectionState waiting = await(state, ConnectionState.Kind.RECONNECTING);
            assertTrue(
                    waiting.detail().contains("start it with: scripts/gainstage sidecar --port " + port),
                    "names the command for this port: " + waiting.detail());

            server = Guice.createInjector(new SidecarModule(SidecarConfig.loopback(port, store), RuleConfig.defaults()))
                    .getInstance(SidecarServer.class);
            server.start();
            long started = System.nanoTime();
            ConnectionState connected = await(state, ConnectionState.Kind.CONNECTED);
            System.out.printf(
                    "connected %d ms after the sidecar started%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertTrue(connected.detail().contains("no DAW session yet"), connected.detail());
            assertEquals(ConnectionState.Kind.CONNECTED, state.get().kind());
        } finally {
            channel.shutdownNow();
            if (server != null) {
                server.stop();
            }
        }
    }
}
