package dev.gainstage.panel.timeline;

import dev.gainstage.client.TimelinePosition;
import dev.gainstage.panel.Words;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.Severity;
import dev.gainstage.proto.v1.WarningSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of warnings, built from the sidecar's history and tested without a display: one lane
 * per warning (its stage and problem in words), on it a bar per time it was raised, from where it was
 * raised to where it cleared (to now while active), on the DAW's timeline. Says where a click lands
 * and where the playhead goes for it: {@link #PRE_ROLL_SECONDS} before the raise, so the engineer
 * hears the problem arrive. Used on the EDT only.
 */
public final class TimelineModel {
    /** The playhead goes this much before the moment a warning was raised. */
    public static final double PRE_ROLL_SECONDS = 1.0;

    private static final double MIN_SPAN_SECONDS = 10;

    /** One span of a warning on its lane. */
    public record Entry(
            String warningId, int lane, String label, Severity severity, double start, double end, boolean active) {
        /** Where a click on it moves the playhead. */
        public double locateSeconds() {
            return Math.max(0, start - PRE_ROLL_SECONDS);
        }
    }

    private List<Entry> entries = List.of();
    private List<String> lanes = List.of();
    private double nowSeconds;
    private double startSeconds;
    private double endSeconds;

    public void update(SessionHistoryView history) {
        Map<String, Integer> laneOf = new LinkedHashMap<>();
        List<String> laneNames = new ArrayList<>();
        List<Entry> next = new ArrayList<>();
        double now = history.getNowSeconds();
        double first = now;
        double end = now;
        for (WarningSpan w : history.getWarningsList()) {
            Integer lane = laneOf.get(w.getWarningId());
            if (lane == null) {
                lane = laneNames.size();
                laneOf.put(w.getWarningId(), lane);
                laneNames.add(laneName(w));
            }
            boolean active = !w.hasClearedSeconds();
            // A jump of the transport while it was raised can put the clear before the raise: show the range heard.
            double a = w.getRaisedSeconds();
            double b = active ? Math.max(a, now) : w.getClearedSeconds();
            double start = Math.min(a, b);
            double stop = Math.max(a, b);
            next.add(new Entry(w.getWarningId(), lane, label(w), w.getSeverity(), start, stop, active));
            first = Math.min(first, start);
            end = Math.max(end, stop);
        }
        entries = List.copyOf(next);
        lanes = List.copyOf(laneNames);
        nowSeconds = now;
        // What was heard, padded by a twentieth each side and at least 10 s wide, never before 0.
        double span = Math.max(MIN_SPAN_SECONDS, end - first);
        startSeconds = Math.max(0, first - span / 20);
        endSeconds = Math.max(startSeconds + MIN_SPAN_SECONDS, end + span / 20);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Lane names in order: "Lead Vox ▸ Source: source too hot". */
    public List<String> lanes() {
        return lanes;
    }

    public double nowSeconds() {
        return nowSeconds;
    }

    /**
     * The timeline shown runs from this to {@link #endSeconds()}: the part of the DAW's timeline the
     * warnings and the playhead were on, padded, at least 10 s (so a fresh session is not all bar).
     */
    public double startSeconds() {
        return startSeconds;
    }

    public double endSeconds() {
        return Math.max(startSeconds + MIN_SPAN_SECONDS, endSeconds);
    }

    /**
     * The entry under a point of a lane area {@code width} wide starting at x = 0 (the {@link
     * #startSeconds()}), lanes {@code laneHeight} high from y = 0; a bar narrower than {@code minBarPixels}
     * is hit as if that wide. Null when none.
     */
    public Entry entryAt(double x, double y, double width, double laneHeight, double minBarPixels) {
        if (width <= 0 || laneHeight <= 0 || y < 0) {
            return null;
        }
        int lane = (int) (y / laneHeight);
        double secondsPerPixel = (endSeconds() - startSeconds()) / width;
        double t = startSeconds() + x * secondsPerPixel;
        double slack = minBarPixels * secondsPerPixel / 2;
        Entry best = null;
        for (Entry e : entries) {
            if (e.lane() == lane && t >= e.start() - slack && t <= e.end() + slack) {
                if (best == null || Math.abs(t - e.start()) < Math.abs(t - best.start())) {
                    best = e;
                }
            }
        }
        return best;
    }

    /** "source too hot on Lead Vox ▸ Source, 1:23.4 to 1:31.0" (or "from 1:23.4, still active"). */
    static String label(WarningSpan w) {
        String what = Words.title(w.getTitle()) + " on " + where(w);
        return w.hasClearedSeconds()
                ? what + ", " + TimelinePosition.format(w.getRaisedSeconds()) + " to "
                        + TimelinePosition.format(w.getClearedSeconds())
                : what + ", from " + TimelinePosition.format(w.getRaisedSeconds()) + ", still active";
    }

    private static String laneName(WarningSpan w) {
        return where(w) + ": " + Words.title(w.getTitle());
    }

    private static String where(WarningSpan w) {
        return Words.where(w.getStripName(), w.getStageName());
    }
}
