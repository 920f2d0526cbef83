package dev.gainstage.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.RealParts;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.panel.connection.ConnectionState;
import dev.gainstage.panel.connection.ViewStream;
import dev.gainstage.panel.dock.X11Windows;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ItemState;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import io.grpc.ManagedChannel;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the sidecar, the adapter and the panel, mid-session, each a separate process, in two
 * orders: each reconnects by itself, the view is whole again, and what the user acknowledged is
 * still there.
 */
class FaultRecoveryIT {
    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    private Process java(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        work.resolve(name + "-" + started.size() + ".log").toFile())
                .start();
        started.add(p);
        return p;
    }

    private Process sidecar(int port) throws IOException {
        return java(
                "sidecar",
                "dev.gainstage.engine.app.Main",
                "sidecar",
                "--port",
                Integer.toString(port),
                "--store",
                work.resolve("store").toString());
    }

    private Process sim(int port) throws IOException {
        return java("sim", "dev.gainstage.adapter.Main", "sim", "--demo", "--sidecar", "127.0.0.1:" + port);
    }

    private Process panel(int port) throws IOException {
        return java("panel", "dev.gainstage.panel.Main", "--sidecar", "127.0.0.1:" + port, "--dock", "off");
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
            await(
                    "the demo is playing and warnings are up",
                    latest,
                    v -> v.getRowsCount() == 10 && v.getAudioTimeSeconds() > 5 && v.getWarningsCount() > 0);
            PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .acknowledge(AcknowledgeRequest.newBuilder()
                            .setSessionKey("sim:demo")
                            .setItemId("source:kick/source")
                            .setReason("the kick is meant to be loud")
                            .build());

            sidecar.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
            await("the panel notices", connection, c -> c.kind() == ConnectionState.Kind.RECONNECTING);
            latest.set(SessionView.getDefaultInstance());
            sidecar(port);
            await(
                    "the adapter and the panel are back, with the acknowledgement",
                    latest,
                    v -> v.getRowsCount() == 10
                            && v.getAdapterConnected()
                            && v.getAudioTimeSeconds() > 4
                            && acknowledged(v));
            assertEquals(ConnectionState.Kind.CONNECTED, connection.get().kind());

            Process sim = started.get(1);
            sim.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL of the adapter
            await("the sidecar sees the adapter gone", latest, v -> !v.getAdapterConnected());
            sim(port);
            await(
                    "a new adapter re-attaches the same session",
                    latest,
                    v -> v.getAdapterConnected() && v.getRowsCount() == 10 && acknowledged(v));
        } finally {
            panel.close();
            channel.shutdownNow();
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The panel as a real process too, and another order: panel, adapter, then the sidecar while the
     * adapter is down; back in reverse, the adapter and the panel before the sidecar they need. The
     * panel's window title says its connection state, read off the X11 display like any window's.
     */
    @Test
    void panelAdapterAndSidecarKilledInAnotherOrderRecover() throws Exception {
        RealParts.require(
                !GraphicsEnvironment.isHeadless(), "needs a display (scripts/test runs the tests under Xvfb)");
        int port = freePort();
        SidecarAddress address = new SidecarAddress("127.0.0.1", port);
        AtomicReference<SessionView> latest = new AtomicReference<>(SessionView.getDefaultInstance());
        AtomicReference<ConnectionState> connection = new AtomicReference<>();
        ManagedChannel channel = address.channel();
        ViewStream watcher = new ViewStream(address, channel, latest::set, connection::set);
        try (X11Windows x11 =
                X11Windows.open("gainstage").orElseThrow(() -> new AssertionError("cannot open the X11 display"))) {
            Process sidecar = sidecar(port);
            Process sim = sim(port);
            Process panel = panel(port);
            watcher.start();
            await("the demo is playing", latest, v -> v.getRowsCount() == 10 && v.getAudioTimeSeconds() > 5);
            awaitTrue("the panel's window says connected", () -> panelTitled(x11, "connected"));
            PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .acknowledge(AcknowledgeRequest.newBuilder()
                            .setSessionKey("sim:demo")
                            .setItemId("source:kick/source")
                            .setReason("the kick is meant to be loud")
                            .build());

            panel.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL of the panel
            double before = latest.get().getAudioTimeSeconds();
            await(
                    "the session plays on without its panel",
                    latest,
                    v -> v.getAudioTimeSeconds() > before + 2 && v.getAdapterConnected());
            assertTrue(sidecar.isAlive(), "the sidecar died with the panel");

            sim.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // then the adapter
            await("the sidecar sees the adapter gone", latest, v -> !v.getAdapterConnected());
            sidecar.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // then the sidecar
            await("the watcher notices", connection, c -> c.kind() == ConnectionState.Kind.RECONNECTING);

            Process newSim = sim(port); // no sidecar yet: both must keep trying
            panel(port);
            awaitTrue(
                    "the new panel's window says it is waiting for the sidecar",
                    () -> panelTitled(x11, "connecting") || panelTitled(x11, "reconnecting"));
            Thread.sleep(2000);
            assertTrue(newSim.isAlive(), "the adapter gave up while the sidecar was down");
            latest.set(SessionView.getDefaultInstance());
            sidecar(port);
            await(
                    "adapter, watcher and panel are back, with the acknowledgement",
                    latest,
                    v -> v.getRowsCount() == 10
                            && v.getAdapterConnected()
                            && v.getAudioTimeSeconds() > 2
                            && acknowledged(v));
            awaitTrue("the new panel's window says connected", () -> panelTitled(x11, "connected"));
        } finally {
            watcher.close();
            channel.shutdownNow();
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean panelTitled(X11Windows x11, String state) {
        return x11.titled().stream().anyMatch(w -> w.title().equals("gainstage: " + state));
    }

    /** What the X11 display shows, for a failure message. */
    private static String windowTitles() {
        if (GraphicsEnvironment.isHeadless()) {
            return "";
        }
        try (X11Windows x11 = X11Windows.open("gainstage").orElse(null)) {
            return x11 == null
                    ? ""
                    : "--- windows on the display: "
                            + x11.titled().stream().map(X11Windows.Found::title).toList();
        }
    }

    private static boolean acknowledged(SessionView v) {
        return v.getChecklist().getStepsList().stream()
                .flatMap(s -> s.getItemsList().stream())
                .filter(i -> i.getId().equals("source:kick/source"))
                .map(ChecklistItem::getState)
                .anyMatch(s -> s == ItemState.ITEM_STATE_ACKNOWLEDGED);
    }

    private <T> void await(String what, AtomicReference<T> ref, Predicate<T> done) throws Exception {
        awaitTrue(what, () -> {
            T v = ref.get();
            return v != null && done.test(v);
        });
    }

    private void awaitTrue(String what, BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(work)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f);
                logs.append("--- ")
                        .append(f.getFileName())
                        .append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                        .append('\n');
            }
        }
        throw new AssertionError("timed out waiting until " + what + "\n" + logs + windowTitles());
    }
}
