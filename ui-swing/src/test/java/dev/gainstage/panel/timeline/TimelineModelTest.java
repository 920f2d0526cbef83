package dev.gainstage.panel.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.WarningSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's lanes, bars, words, hits and playhead targets, without a display. */
class TimelineModelTest {
    static WarningSpan span(String id, String title, String strip, double raised, Double cleared) {
        WarningSpan.Builder b = WarningSpan.newBuilder()
                .setWarningId(id)
                .setTitle(title)
                .setStripName(strip)
                .setStageName("Source")
                .setSeverity(Severity.SEVERITY_WARNING)
                .setRaisedSeconds(raised)
                .setUpdatedSeconds(raised);
        if (cleared != null) {
            b.setClearedSeconds(cleared);
        }
        return b.build();
    }

    private static TimelineModel model(double now, WarningSpan... spans) {
        TimelineModel m = new TimelineModel();
        m.update(SessionHistoryView.newBuilder()
                .setNowSeconds(now)
                .addAllWarnings(List.of(spans))
                .build());
        return m;
    }

    @Test
    void aLanePerWarningABarPerSpanLabelledInWords() {
        TimelineModel m = model(
                200,
                span("SOURCE_TOO_HOT@vox/source", "source too hot", "Lead Vox", 83.42, 91.0),
                span("SOURCE_TOO_QUIET@kick/source", "source too quiet", "Kick", 10, null),
                span("SOURCE_TOO_HOT@vox/source", "source too hot", "Lead Vox", 150, null));
        assertEquals(
                List.of("Lead Vox \u25B8 Source: source too hot", "Kick \u25B8 Source: source too quiet"), m.lanes());
        List<TimelineModel.Entry> e = m.entries();
        assertEquals(3, e.size());
        assertEquals(0, e.get(0).lane());
        assertEquals(1, e.get(1).lane());
        assertEquals(0, e.get(2).lane(), "raised again: the same lane");
        assertEquals(
                "source too hot on Lead Vox \u25B8 Source, 1:23.4 to 1:31.0",
                e.get(0).label());
        assertEquals(
                "source too quiet on Kick \u25B8 Source, from 0:10.0, still active",
                e.get(1).label());
        assertFalse(e.get(0).active());
        assertTrue(e.get(1).active());
        assertEquals(200, e.get(1).end(), 1e-9, "an active warning reaches to now");
        // From the first raise (10 s) to now (200 s), padded by a twentieth of that each side.
        assertEquals(0.5, m.startSeconds(), 1e-9);
        assertEquals(209.5, m.endSeconds(), 1e-9);
    }

    @Test
    void clickingABarLocatesJustBeforeItWasRaised() {
        TimelineModel m = model(100, span("A@a/source", "a", "A", 40, 60.0), span("B@b/source", "b", "B", 0.4, 2.0));
        // 1000 px for 100 s: 10 px a second; lanes 20 px high.
        TimelineModel.Entry a = m.entryAt(500, 5, 1000, 20, 6);
        assertSame(m.entries().get(0), a);
        assertEquals(39.0, a.locateSeconds(), 1e-9);
        assertNull(m.entryAt(700, 5, 997.3, 20, 6), "after it cleared");
        assertNull(m.entryAt(500, 25, 997.3, 20, 6), "on the other lane");
        TimelineModel.Entry b = m.entryAt(10, 25, 997.3, 20, 6);
        assertSame(m.entries().get(1), b);
        assertEquals(0, b.locateSeconds(), 1e-9, "never before the session's start");
        assertNull(m.entryAt(10, -1, 1000, 20, 6));
    }

    @Test
    void aTransportJumpWhileRaisedShowsTheRangeHeard() {
        TimelineModel m = model(30, span("A@a/source", "a", "A", 50, 20.0));
        TimelineModel.Entry e = m.entries().getFirst();
        assertEquals(20, e.start(), 1e-9);
        assertEquals(50, e.end(), 1e-9);
    }

    @Test
    void anEmptyHistoryIsAnEmptyTimelineOfTenSeconds() {
        TimelineModel m = model(0);
        assertEquals(List.of(), m.entries());
        assertEquals(10, m.endSeconds() - m.startSeconds(), 1e-9);
    }

    @Test
    void theTimelineShownIsThePartPlayed() {
        TimelineModel m = model(104, span("A@a/source", "a", "A", 100.5, null));
        // 100.5..104 heard: at least 10 s wide, padded by half a second before.
        assertEquals(100, m.startSeconds(), 1e-9);
        assertEquals(110, m.endSeconds(), 1e-9);
        TimelineModel.Entry a = m.entryAt(50, 5, 1000, 20, 6); // 100 px a second: 100.5 s
        assertSame(m.entries().getFirst(), a);
        assertNull(m.entryAt(20, 5, 1000, 20, 6), "100.2 s: before it was raised");
    }
}
