package dev.gainstage.panel.compare;

import dev.gainstage.panel.Words;
import dev.gainstage.proto.v1.CompareSide;
import dev.gainstage.proto.v1.CompareView;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.StageView;
import java.util.Locale;
import java.util.Optional;

/**
 * What the compare bar shows, from the view and the selected stage; pure, tested without a display. While a
 * comparison runs it names the plugin and the two sides, "A processed" and "B bypassed, level-matched by X dB", the
 * side playing, and offers End; otherwise it offers Compare for the selected plugin, or says why not.
 */
public final class CompareModel {
    /**
     * @param comparing     a comparison runs (then {@code side}, {@code sideA}, {@code sideB} and End apply)
     * @param canStart      Compare can be pressed for {@code stageId}
     * @param stageId       the plugin compared, or the selected plugin Compare would start on ("" for none)
     * @param text          the bar's words in full (its tooltip): what is compared and how, or why Compare is not
     *                      offered
     * @param label         the bar's words where room is short: while comparing, only what is compared
     * @param sideA         the A button's words
     * @param sideB         the B button's words
     */
    public record State(
            boolean comparing,
            boolean canStart,
            String stageId,
            CompareSide side,
            String text,
            String label,
            String sideA,
            String sideB) {}

    private CompareModel() {}

    /** Not comparing: Compare offered for {@code stageId} (or not), with the reason in {@code text}. */
    private static State offer(boolean canStart, String stageId, String text) {
        return new State(
                false,
                canStart,
                stageId,
                CompareSide.COMPARE_SIDE_UNSPECIFIED,
                text,
                text,
                "A processed",
                "B bypassed");
    }

    public static State of(SessionView view, String selectedStageId) {
        if (view.hasCompare()) {
            CompareView c = view.getCompare();
            String matched = String.format(Locale.ROOT, "level-matched by %.1f dB", Math.abs(c.getMatchDb()));
            String where = c.getMatchOnPlugin()
                    ? String.format(Locale.ROOT, "on its output, %+.1f dB while processing", -c.getMatchDb())
                    : String.format(
                            Locale.ROOT,
                            "on %s, %+.1f dB while bypassed",
                            Words.stage(view, c.getMatchStageId()),
                            c.getMatchDb());
            return new State(
                    true,
                    false,
                    c.getStageId(),
                    c.getSide(),
                    "Comparing " + c.getStripName() + " \u25B8 " + c.getStageName() + " (" + matched + ", " + where
                            + ")",
                    "Comparing " + c.getStripName() + " \u25B8 " + c.getStageName(),
                    "A processed",
                    "B bypassed, " + matched);
        }
        Optional<StageView> selected = stage(view, selectedStageId);
        if (selected.isEmpty() || selected.get().getKind() != StageKind.STAGE_KIND_PLUGIN) {
            return offer(false, "", "Select a plugin to compare it level-matched (A/B)");
        }
        StageView s = selected.get();
        String name = Words.stage(view, s.getStageId());
        if (!s.getActive()) {
            return offer(false, s.getStageId(), name + " is bypassed: activate it to compare it");
        }
        if (!s.hasGainDeltaDb()) {
            return offer(false, s.getStageId(), name + ": play audio through it to compare it");
        }
        return offer(
                true,
                s.getStageId(),
                String.format(
                        Locale.ROOT,
                        "Compare %s with its bypass, level-matched (it changes the level by %+.1f dB)",
                        name,
                        s.getGainDeltaDb()));
    }

    private static Optional<StageView> stage(SessionView view, String stageId) {
        if (stageId.isEmpty()) {
            return Optional.empty();
        }
        return view.getRowsList().stream()
                .flatMap(r -> r.getStagesList().stream())
                .filter(s -> s.getStageId().equals(stageId))
                .findFirst();
    }
}
