package dev.gainstage.e2e;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.panel.connection.ViewStream;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL of the sidecar and of the adapter, mid-session, each a separate process: the adapter and
 * the panel's stream reconnect by themselves, the view is whole again, and what the user
 * acknowledged is still there.
 */
class FaultRecoveryIT {
    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    private Process java(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + "-" + started.size() + ".log").toFile()).start();
        started.add(p);
        return p;
    }

    private Process sidecar(int port) throws IOException {
        return java("sidecar", "dev.gainstage.engine.Main", "sidecar", "--port", Integer.toString(port),
                "--store", work.resolve("store").toString());
    }

    private Process sim(int port) throws IOException {
        return java("sim", "dev.gainstage.adapter.Main", "sim", "--demo", "--sidecar", "127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void sidecarAndAdapterKilledMidSessionRecover() throws Exception {
        int port = freePort();
        SidecarAddress address = new SidecarAddress("127.0.0.1", port);
        AtomicReference<SessionView> latest = new AtomicReference<>(SessionView.getDefaultInstance());
        AtomicReference<ConnectionState> connection = new AtomicReference<>();
        ManagedChannel channel = address.channel();
        ViewStream panel = new ViewStream(address, channel, latest::set, connection::set);
        try {
            Process sidecar = sidecar(port);
            sim(port);
            panel.start();
            await("the demo is playing and warnings are up", latest, v -> v.getRowsCount() == 10
                    && v.getAudioTimeSeconds() > 5 && v.getWarningsCount() > 0);
            PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .acknowledge(AcknowledgeRequest.newBuilder().setSessionKey("sim:demo")
                            .setItemId("source:kick/source").setReason("the kick is meant to be loud").build());

            sidecar.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
            await("the panel notices", connection, c -> c.kind() == ConnectionState.Kind.RECONNECTING);
            latest.set(SessionView.getDefaultInstance());
            sidecar(port);
            await("the adapter and the panel are back, with the acknowledgement", latest, v -> v.getRowsCount() == 10
                    && v.getAdapterConnected() && v.getAudioTimeSeconds() > 4 && acknowledged(v));
            assertEquals(ConnectionState.Kind.CONNECTED, connection.get().kind());

            Process sim = started.get(1);
            sim.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL of the adapter
            await("the sidecar sees the adapter gone", latest, v -> !v.getAdapterConnected());
            sim(port);
            await("a new adapter re-attaches the same session", latest, v -> v.getAdapterConnected()
                    && v.getRowsCount() == 10 && acknowledged(v));
        } finally {
            panel.close();
            channel.shutdownNow();
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean acknowledged(SessionView v) {
        return v.getChecklist().getStepsList().stream().flatMap(s -> s.getItemsList().stream())
                .filter(i -> i.getId().equals("source:kick/source")).map(ChecklistItem::getState)
                .anyMatch(s -> s == ItemState.ITEM_STATE_ACKNOWLEDGED);
    }

    private <T> void await(String what, AtomicReference<T> ref, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            T v = ref.get();
            if (v != null && done.test(v)) {
                return;
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(work)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f);
                logs.append("--- ").append(f.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            }
        }
        throw new AssertionError("timed out waiting until " + what + "\n" + logs);
    }
}
