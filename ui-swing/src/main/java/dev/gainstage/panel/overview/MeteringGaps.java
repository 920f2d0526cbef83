package dev.gainstage.panel.overview;

import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Metering gaps as time, per stage. The view counts the blocks an adapter had to drop since it
 * attached, but not how long a block is; the panel therefore times a gap by the session's audio
 * time across which a stage's count kept rising. Drops a moment apart are one gap; a gap is shown
 * until {@link #SHOWN_SECONDS} of audio after it ended. Drops from before the panel watched have
 * no known length: they are "before" the first view's time. EDT only.
 */
public final class MeteringGaps {
    /** Drops this close together (seconds of audio) belong to one gap. */
    static final double JOIN_SECONDS = 1.0;
    /** How long after its end a gap is still shown. */
    static final double SHOWN_SECONDS = 10.0;

    private static final class Gap {
        long count;
        String label = "";
        double start = Double.NaN; // NaN: began before the panel watched
        double end = Double.NaN; // NaN: no gap yet
    }

    private final Map<String, Gap> stages = new HashMap<>();
    private String sessionKey = "";
    private double previousTime = Double.NaN;
    private double now;

    public void update(SessionView view) {
        if (!view.getSessionKey().equals(sessionKey) || view.getAudioTimeSeconds() < previousTime) {
            stages.clear(); // another session, or the same one attached again
            sessionKey = view.getSessionKey();
            previousTime = Double.NaN;
        }
        now = view.getAudioTimeSeconds();
        for (OverviewRow row : view.getRowsList()) {
            for (StageView s : row.getStagesList()) {
                observe(row, s);
            }
        }
        previousTime = now;
    }

    private void observe(OverviewRow row, StageView s) {
        long count = s.getDroppedBlocks();
        Gap g = stages.get(s.getStageId());
        if (g == null) {
            g = new Gap();
            g.label = row.getName() + " \u25B8 " + s.getName();
            stages.put(s.getStageId(), g);
            if (count > 0) {
                g.end = now; // dropped before this panel saw the stage: when, it cannot tell
            }
        } else if (count > g.count) {
            boolean continues = !Double.isNaN(g.end) && now - g.end <= JOIN_SECONDS;
            if (!continues) {
                g.start = Double.isNaN(previousTime) ? now : previousTime;
            }
            g.end = now;
        }
        g.count = count;
    }

    private boolean showing(Gap g) {
        return !Double.isNaN(g.end) && now - g.end <= SHOWN_SECONDS;
    }

    /** The stage's recent gap in words ("metering gap of 1.7 s at 0:02"), "" when none. */
    public String text(String stageId) {
        Gap g = stages.get(stageId);
        return g == null || !showing(g) ? "" : "metering gap " + describe(g);
    }

    /** The longest recent gap of the session and how many stages had one, "" when none. */
    public String summary() {
        Gap longest = null;
        int n = 0;
        for (Gap g : stages.values()) {
            if (showing(g)) {
                n++;
                if (longest == null || length(g) > length(longest)) {
                    longest = g;
                }
            }
        }
        if (longest == null) {
            return "";
        }
        return "metering gap " + describe(longest) + " (" + longest.label + (n > 1 ? " and " + (n - 1) + " more" : "")
                + ")";
    }

    private static double length(Gap g) {
        return Double.isNaN(g.start) ? Double.MAX_VALUE : g.end - g.start;
    }

    private static String describe(Gap g) {
        if (Double.isNaN(g.start)) {
            return "before " + clock(g.end);
        }
        double length = g.end - g.start;
        String size = length < 0.1 ? "under 0.1 s" : String.format(Locale.ROOT, "of %.1f s", length);
        return size + " at " + clock(g.start);
    }

    /** Audio time as m:ss. */
    static String clock(double seconds) {
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
