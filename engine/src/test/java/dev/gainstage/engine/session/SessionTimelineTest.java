package dev.gainstage.engine.session;

import static dev.gainstage.engine.session.Blocks.block;
import static dev.gainstage.engine.session.Blocks.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.history.HistorySlice;
import dev.gainstage.engine.history.WarningSpan;
import dev.gainstage.engine.rules.Warning;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Through the session: the history is stamped with the transport the adapter reports, counted on
 * with the tap stream, across gaps and stops; Locate goes to the attached adapter.
 */
class SessionTimelineTest {
    private static final int RATE = 48_000;
    private static final int FRAMES = 4_800; // 100 ms: one tick each
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void pointsAndSpansAreOnTheTransportNotOnTheStreamOrTheAudioTime() throws Exception {
        SessionEngine engine = Blocks.engine("transport");
        TestLink link = new TestLink();
        engine.attach(link, "transport");
        engine.onSnapshot(1, List.of(Blocks.track("t", "")));
        int handle = handle(link.plan, new TapKey("t/source", TapPoint.OUTPUT));
        // The stream starts at 1 000 000 when the transport stands at 60 s.
        long stream = 1_000_000;
        engine.onTransport(true, 60L * RATE, RATE, stream);
        for (int b = 0; b < 25; b++, stream += FRAMES) { // 2.5 s of a -3 dBFS sine: too hot
            engine.onTaps(List.of(block(handle, RATE, stream, sine(RATE, 1000, 0.708, 0, FRAMES))));
        }
        // 1.5 s dropped by the adapter: not heard, not counted; the transport rolled on meanwhile.
        stream += 15 * FRAMES;
        for (int b = 0; b < 10; b++, stream += FRAMES) {
            engine.onTaps(List.of(block(handle, RATE, stream, sine(RATE, 1000, 0.708, 0, FRAMES))));
        }
        HistorySlice s = engine.history(null, -INF, INF);
        // Audio seconds 0.1, 1, 2 and (after the gap, 2.6..3.5 s of audio) 3 begin points.
        assertArrayEquals(new double[] {60.1, 61.0, 62.0, 64.5}, s.levels().pointSeconds(), 1e-9);
        WarningSpan hot = s.warnings().stream()
                .filter(w -> w.warningId().equals("SOURCE_TOO_HOT@t/source"))
                .findFirst()
                .orElseThrow();
        Warning raised = engine.state().warnings().stream()
                .filter(w -> w.id().equals(hot.warningId()))
                .findFirst()
                .orElseThrow();
        assertEquals(60 + raised.firstSeenSeconds(), hot.raisedSeconds(), 1e-9, "raised before the gap");
        assertEquals(65.0, s.nowSeconds(), 1e-9, "60 s + 3.5 s heard + 1.5 s dropped");

        // Stopped, without a position: the transport stands where it was; nothing is recorded.
        engine.onTransport(false);
        for (int b = 0; b < 20; b++, stream += FRAMES) {
            engine.onTaps(List.of(block(handle, RATE, stream, sine(RATE, 1000, 0.708, 0, FRAMES))));
        }
        assertEquals(4, engine.history(null, -INF, INF).levels().pointSeconds().length);
        engine.onTransport(true);
        for (int b = 0; b < 11; b++, stream += FRAMES) {
            engine.onTaps(List.of(block(handle, RATE, stream, sine(RATE, 1000, 0.708, 0, FRAMES))));
        }
        // Rolling again from 65.0 s (not from where the 2 s of stream while stopped would put it): points at the
        // first tick (audio 5.6 s) and at audio 6.0 s.
        assertArrayEquals(
                new double[] {60.1, 61.0, 62.0, 64.5, 65.1, 65.5},
                engine.history(null, -INF, INF).levels().pointSeconds(),
                1e-9);
    }

    @Test
    void locateGoesToTheAttachedAdapterAndABadPositionIsRefused() throws Exception {
        SessionEngine engine = Blocks.engine("locate");
        LocateOutcome none = engine.locate(10, true).get();
        assertFalse(none.moved());
        assertEquals("no DAW is attached to the session", none.message());
        engine.attach(new TestLink(), "locate");
        LocateOutcome refused = engine.locate(10, true).get();
        assertEquals("test cannot move the playhead", refused.message(), "an adapter link without locate says so");
        assertThrows(IllegalArgumentException.class, () -> engine.locate(-1, true));
        assertThrows(IllegalArgumentException.class, () -> engine.locate(Double.NaN, true));
    }

    private static int handle(Map<Integer, TapKey> plan, TapKey key) {
        return plan.entrySet().stream()
                .filter(e -> e.getValue().equals(key))
                .findFirst()
                .orElseThrow()
                .getKey();
    }
}
