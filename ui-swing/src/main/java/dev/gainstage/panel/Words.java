package dev.gainstage.panel;

import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.OverviewRow;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.StageView;
import dev.gainstage.proto.v1.Warning;
import io.grpc.Status;

/** What the status lines say about warnings, stages and checklist items: names and titles, never ids. */
public final class Words {
    private Words() {}

    /** "Lead Vox ▸ ACE Compressor": a stage by its strip's and its own name, found in the view. */
    public static String stage(SessionView view, String stageId) {
        for (OverviewRow row : view.getRowsList()) {
            for (StageView s : row.getStagesList()) {
                if (s.getStageId().equals(stageId)) {
                    return row.getName() + " \u25B8 " + s.getName();
                }
            }
        }
        return "a stage no longer in the session";
    }

    /** "plugin changes the loudness on Lead Vox ▸ ACE Compressor". */
    public static String warning(Warning w) {
        return title(w.getTitle()) + " on " + where(w.getStripName(), w.getStageName());
    }

    /** "Lead Vox ▸ ACE Compressor" from a warning's strip and stage names ("a stage" without them). */
    public static String where(String stripName, String stageName) {
        return stripName.isEmpty() && stageName.isEmpty() ? "a stage" : stripName + " \u25B8 " + stageName;
    }

    /** A warning's title, or words for it when the sidecar sent none. */
    public static String title(String title) {
        return title.isEmpty() ? "a staging problem" : title;
    }

    /** A checklist item by its text ("Kick: source peaks in range"). */
    public static String item(SessionView view, String itemId) {
        for (ChecklistStep step : view.getChecklist().getStepsList()) {
            for (ChecklistItem i : step.getItemsList()) {
                if (i.getId().equals(itemId)) {
                    return i.getText();
                }
            }
        }
        return "an item no longer on the checklist";
    }

    /** Why a call to the sidecar failed, in words. */
    public static String failure(Status status) {
        String why = switch (status.getCode()) {
            case UNAVAILABLE -> "the sidecar is not reachable";
            case DEADLINE_EXCEEDED -> "the sidecar did not answer in time";
            case NOT_FOUND -> "the sidecar does not know it (the session or warning has gone)";
            case INVALID_ARGUMENT, FAILED_PRECONDITION -> "the sidecar refused it";
            case CANCELLED -> "cancelled";
            default -> "the sidecar failed";
        };
        return status.getDescription() == null || status.getDescription().isBlank()
                ? why
                : why + ": " + status.getDescription();
    }
}
