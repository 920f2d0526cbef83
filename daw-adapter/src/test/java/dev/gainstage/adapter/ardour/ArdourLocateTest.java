package dev.gainstage.adapter.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.ardour.testing.TestDirs;
import dev.gainstage.proto.v1.GetHistoryRequest;
import dev.gainstage.proto.v1.PanelLocateRequest;
import dev.gainstage.proto.v1.PanelLocateResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionHistoryView;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real Ardour (headless, looping the 12 s demo session on JACK): the sidecar's timeline is Ardour's
 * transport (it goes round the loop, where the JACK client's frame count only grows), and Locate moves
 * Ardour's playhead over OSC, read back from Ardour with {@code /transport_frame}.
 */
@Tag("ardour")
class ArdourLocateTest {
    private static final double LOOP_SECONDS = 12;

    @Test
    void theTimelineIsArdoursTransportAndLocateMovesItsPlayhead() throws Exception {
        ArdourRig.ardourLuaOrSkip();
        Path dir = Files.createTempDirectory("gainstage-ardour-locate");
        try (ArdourRig rig = ArdourRig.start(dir);
                ArdourTransport ardour = new ArdourTransport(new InetSocketAddress("127.0.0.1", 3819))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", rig.sidecarPort)
                    .usePlaintext()
                    .build();
            try {
                PanelServiceGrpc.PanelServiceBlockingStub panel = PanelServiceGrpc.newBlockingStub(channel);
                String key = rig.views
                        .await("the session attached", 60_000, v -> v.getAdapterConnected())
                        .getSessionKey();
                // Round the loop at least once: the JACK client's count passes 12 s, Ardour's transport does not.
                rig.views.await("13 s of audio", 90_000, v -> v.getAudioTimeSeconds() > LOOP_SECONDS + 1);
                SessionHistoryView history = history(panel, key);
                assertTrue(history.getPointSecondsCount() > 10, "points: " + history.getPointSecondsCount());
                for (double t : history.getPointSecondsList()) {
                    assertTrue(
                            t >= 0 && t < LOOP_SECONDS + 0.5, "a point at " + t + " s: not on the looping transport");
                }
                int rate = rig.adapter.jack().sampleRate();
                // Within a poll (250 ms) of the loop's wrap the sidecar still counts on past its end: ask again then.
                await("the sidecar's now is where Ardour's playhead is", () -> {
                    double sidecarNow = history(panel, key).getNowSeconds();
                    return close(ardour, sidecarNow, rate, 0.4);
                });
                PanelLocateResponse moved = panel.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .locate(PanelLocateRequest.newBuilder()
                                .setSessionKey(key)
                                .setPositionSeconds(6.5)
                                .setRoll(true)
                                .build());
                assertTrue(moved.getMoved(), moved.getMessage());
                assertEquals(6.5, moved.getPositionSeconds(), 0.5, moved.toString());
                OptionalLong at = ardour.position(1000);
                assertTrue(at.isPresent(), "Ardour answers /transport_frame");
                double seconds = at.getAsLong() / (double) rate;
                assertTrue(seconds >= 6.45 && seconds < 8.5, "Ardour's playhead after the locate: " + seconds + " s");
                await("the sidecar's transport follows Ardour's playhead", () -> {
                    double now = history(panel, key).getNowSeconds();
                    return now >= 6.4 && close(ardour, now, rate, 0.3);
                });
            } finally {
                channel.shutdownNow();
            }
        } finally {
            TestDirs.removeUnlessKept(dir);
        }
    }

    private static SessionHistoryView history(PanelServiceGrpc.PanelServiceBlockingStub panel, String key) {
        return panel.withDeadlineAfter(5, TimeUnit.SECONDS)
                .getHistory(GetHistoryRequest.newBuilder()
                        .setSessionKey(key)
                        .setAllStages(true)
                        .build());
    }

    /** Whether Ardour's playhead, asked now, is within {@code tolerance} seconds of {@code seconds}. */
    private static boolean close(ArdourTransport ardour, double seconds, int rate, double tolerance) {
        try {
            OptionalLong at = ardour.position(1000);
            return at.isPresent() && Math.abs(at.getAsLong() / (double) rate - seconds) < tolerance;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
