package dev.gainstage.engine.cli;

import dev.gainstage.proto.v1.Levels;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.Warning;
import java.util.Locale;

/** A session view written for a person reading a terminal: levels per strip and stage, then warnings. */
public final class ViewSummary {
    private ViewSummary() {}

    public static String format(SessionView v) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Session \"%s\": %.1f s of audio, adapter %s%s%n",
                v.getSessionName(),
                v.getAudioTimeSeconds(),
                v.getAdapterName().isEmpty() ? "-" : v.getAdapterName(),
                v.getAdapterConnected() ? " (connected)" : " (disconnected)"));
        sb.append(String.format(
                Locale.ROOT,
                "%-34s %10s %10s %10s  %s%n",
                "strip / stage",
                "in peak",
                "out peak",
                "out LUFS-S",
                "state"));
        for (OverviewRow row : v.getRowsList()) {
            sb.append(row.getName()).append(String.format(Locale.ROOT, "  [%s]%n", kind(row)));
            for (StageView s : row.getStagesList()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-32s %10s %10s %10s  %s%s%s%n",
                        s.getName(),
                        peak(s.hasInput() ? s.getInput() : null),
                        peak(s.hasOutput() ? s.getOutput() : null),
                        s.hasOutput() && s.getOutput().hasShortTermLufs()
                                ? String.format(
                                        Locale.ROOT, "%.1f", s.getOutput().getShortTermLufs())
                                : "-",
                        state(s),
                        s.hasGainDeltaDb()
                                ? String.format(Locale.ROOT, "  (in->out %+.1f dB)", s.getGainDeltaDb())
                                : "",
                        s.getWaiting().isEmpty() ? "" : "  (" + s.getWaiting() + ")"));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nWarnings (%d):%n", v.getWarningsCount()));
        for (Warning w : v.getWarningsList()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-8s %-28s %s%n%39s-> %s%n",
                    w.getSeverity().name().replace("SEVERITY_", "").toLowerCase(Locale.ROOT),
                    w.getTitle().isEmpty() ? w.getRule().name() : w.getTitle(),
                    w.getMessage(),
                    "",
                    w.getSuggestion()));
            if (!w.getEvidence().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%39s   (%s)%n", "", w.getEvidence()));
            }
        }
        if (v.hasChecklist() && v.getChecklist().getTotal() > 0) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nChecklist: %d of %d done%s%n",
                    v.getChecklist().getDone(),
                    v.getChecklist().getTotal(),
                    v.getChecklist().getNextItemId().isEmpty()
                            ? ""
                            : "; next: " + itemText(v, v.getChecklist().getNextItemId())));
        }
        return sb.toString();
    }

    /** A checklist item by its words ("Kick: source peaks between -12 and -6 dBFS"), not its id. */
    public static String itemText(SessionView v, String itemId) {
        return v.getChecklist().getStepsList().stream()
                .flatMap(s -> s.getItemsList().stream())
                .filter(i -> i.getId().equals(itemId))
                .map(i -> i.getText())
                .findFirst()
                .orElse(itemId);
    }

    /** A stage's state as the overview's colour says it. */
    private static String state(StageView s) {
        return switch (s.getState()) {
            case STAGING_STATE_NO_SIGNAL -> "no signal";
            case STAGING_STATE_IN_RANGE -> "in range";
            case STAGING_STATE_QUIET -> "quiet";
            case STAGING_STATE_HOT -> "hot";
            case STAGING_STATE_CLIPPING -> "clipping";
            default -> "-";
        };
    }

    /** A strip's kind in words: "audio track", "bus", "master". */
    public static String kind(OverviewRow row) {
        return row.getKind()
                .name()
                .replace("STRIP_KIND_", "")
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ');
    }

    private static String peak(Levels l) {
        return l == null || !l.hasSamplePeakDbfs() ? "-" : String.format(Locale.ROOT, "%.1f", l.getSamplePeakDbfs());
    }
}
