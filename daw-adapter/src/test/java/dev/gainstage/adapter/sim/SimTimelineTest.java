package dev.gainstage.adapter.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.adapter.sim.testing.SimSidecarRig;
import dev.gainstage.proto.v1.GetHistoryRequest;
import dev.gainstage.proto.v1.PanelLocateRequest;
import dev.gainstage.proto.v1.PanelLocateResponse;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;
import dev.gainstage.proto.v1.WarningSpan;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sidecar on loopback and the sim: the history is on the sim's transport, not on the tap
 * stream's count, and Locate moves the sim's playhead.
 */
class SimTimelineTest {
    private static final String SESSION = TestSessions.sineTrack("t", 1, -3); // SOURCE_TOO_HOT
    private static final double START = 100;

    @TempDir
    Path store;

    @Test
    void aWarningsHistoryIsOnTheSimsTransport() throws Exception {
        try (Rig rig =
                new Rig(SimSidecarRig.on(store).speed(SimAdapter.Speed.MAX).simRunByTheTest())) {
            // At max speed the sim renders only for the sidecar: its stream counts from 0 at the first block heard,
            // when its playhead stands at 100 s. 20 s of audio, then it stops.
            rig.renderer.seek(Math.round(START * rig.renderer.sampleRate()));
            rig.adapter.run(20);
            Iterator<SessionView> views = rig.panel.watch(
                    WatchRequest.newBuilder().setSessionKey("tl").build());
            SessionView view = views.next();
            while (view.getAudioTimeSeconds() < 19.9 || view.getWarningsCount() == 0) {
                view = views.next();
            }
            Warning hot = view.getWarnings(0);
            assertEquals("SOURCE_TOO_HOT@t/source", hot.getId());

            SessionHistoryView history = rig.history();
            WarningSpan span = history.getWarningsList().stream()
                    .filter(w -> w.getWarningId().equals(hot.getId()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(START + hot.getFirstSeenSeconds(), span.getRaisedSeconds(), 1e-6, span.toString());
            assertTrue(!span.hasClearedSeconds(), "still active");
            assertEquals("source too hot", span.getTitle());
            assertEquals(
                    START + 20, history.getNowSeconds(), 0.11, "where the sim's playhead stopped, as of the last tick");
            assertEquals(20, history.getPointSecondsCount(), "a level point a second");
            for (int i = 0; i < 20; i++) {
                double t = history.getPointSeconds(i);
                assertTrue(t >= START + i && t < START + i + 0.2, "point " + i + " at " + t);
            }
            assertEquals(
                    -3.0,
                    history.getStagesList().stream()
                            .filter(s -> s.getStageId().equals("t/source"))
                            .findFirst()
                            .orElseThrow()
                            .getSamplePeakDbfs(19),
                    0.01);
        }
    }

    @Test
    void locateMovesTheSimsPlayheadAndTheSidecarFollows() throws Exception {
        try (Rig rig = new Rig(SimSidecarRig.on(store))) {
            await("the sidecar hears the sim", () -> rig.history().getPointSecondsCount() > 0);
            PanelLocateResponse moved = rig.panel.locate(PanelLocateRequest.newBuilder()
                    .setSessionKey("tl")
                    .setPositionSeconds(42)
                    .build());
            assertTrue(moved.getMoved(), moved.getMessage());
            assertEquals("moved to 0:42.0", moved.getMessage());
            assertEquals(42.0, moved.getPositionSeconds(), 1e-9);
            await("the sim's playhead moved to 42 s", () -> {
                double at = rig.renderer.playhead() / (double) rig.renderer.sampleRate();
                return at >= 42 && at < 45;
            });
            await("the sidecar's transport follows the sim's playhead", () -> {
                double now = rig.history().getNowSeconds();
                double playhead = rig.renderer.playhead() / (double) rig.renderer.sampleRate();
                return now >= 42 && Math.abs(playhead - now) < 0.1;
            });
            StatusRuntimeException refused = assertThrows(
                    StatusRuntimeException.class,
                    () -> rig.panel.locate(PanelLocateRequest.newBuilder()
                            .setSessionKey("tl")
                            .setPositionSeconds(-1)
                            .build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.toString());
        }
    }

    /** A sidecar on loopback and a sim adapter for it, playing the test's session, and the panel's calls. */
    private static final class Rig implements AutoCloseable {
        final SimSidecarRig sidecar;
        final SimSessionRenderer renderer;
        final SimAdapter adapter;
        final PanelServiceGrpc.PanelServiceBlockingStub panel;

        Rig(SimSidecarRig.Builder rig) throws Exception {
            sidecar = rig.renderer(TestSessions.renderer(SESSION))
                    .session("tl", "tl")
                    .start();
            renderer = sidecar.renderer;
            adapter = sidecar.adapter;
            panel = PanelServiceGrpc.newBlockingStub(sidecar.channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        }

        SessionHistoryView history() {
            return panel.getHistory(GetHistoryRequest.newBuilder()
                    .setSessionKey("tl")
                    .setAllStages(true)
                    .build());
        }

        @Override
        public void close() throws Exception {
            sidecar.close();
        }
    }

    @Test
    void theSimsLoopTakesItsTransportBackToTheStart() {
        SimSessionRenderer r = TestSessions.renderer("loop_seconds: 0.5 block_frames: 480\n" + SESSION);
        long frames = 0;
        long lastAnchorStream = -1;
        for (int block = 0; block < 120; block++) { // 1.2 s: two wraps
            r.renderBlock((id, point, buf, ch, n, pos) -> {});
            frames += 480;
            assertTrue(r.playhead() < 24_000, "inside the 0.5 s loop: " + r.playhead());
            assertEquals(frames % 24_000, r.playhead());
            lastAnchorStream = r.anchor().streamPosition();
        }
        assertEquals(48_000, lastAnchorStream, "the last wrap, at 1.0 s of stream");
        assertEquals(0, r.anchor().transportFrame());
        assertEquals(6_000, r.seek(30_000), "a seek lands inside the loop");
    }

    /** A condition that cannot be asked yet (the session does not exist yet) does not hold yet. */
    private static boolean holds(Supplier<Boolean> condition) {
        try {
            return condition.get();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
            return false;
        }
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
