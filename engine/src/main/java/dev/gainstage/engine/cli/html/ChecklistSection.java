package dev.gainstage.engine.cli.html;

import dev.gainstage.engine.cli.ViewSummary;
import dev.gainstage.engine.report.Html;
import dev.gainstage.proto.v1.Checklist;
import dev.gainstage.proto.v1.ChecklistItem;
import dev.gainstage.proto.v1.ChecklistStep;
import dev.gainstage.proto.v1.SessionView;

/** The gain-staging checklist: its three steps and every item's state, the next thing to do first. */
final class ChecklistSection implements ReportSection {
    @Override
    public String title() {
        return "Checklist";
    }

    @Override
    public void append(SessionReport report, StringBuilder html) {
        SessionView view = report.view();
        Checklist c = view.getChecklist();
        if (c.getTotal() == 0) {
            html.append("<p class=\"muted\">No checklist yet: the session has no stages to check.</p>");
            return;
        }
        html.append("<p>")
                .append(c.getDone())
                .append(" of ")
                .append(c.getTotal())
                .append(" done");
        if (!c.getNextItemId().isEmpty()) {
            html.append("; next: <b>")
                    .append(Html.escape(ViewSummary.itemText(view, c.getNextItemId())))
                    .append("</b>");
        }
        html.append("</p>");
        for (ChecklistStep step : c.getStepsList()) {
            html.append("<h3>")
                    .append(step.getNumber())
                    .append(". ")
                    .append(Html.escape(step.getTitle()))
                    .append("</h3><ul class=\"checklist\">");
            for (ChecklistItem item : step.getItemsList()) {
                html.append("<li class=\"")
                        .append(css(item))
                        .append("\">")
                        .append(mark(item))
                        .append(' ')
                        .append(Html.escape(item.getText()));
                if (!item.getDetail().isEmpty()) {
                    html.append(" <span class=\"muted\">(")
                            .append(Html.escape(item.getDetail()))
                            .append(")</span>");
                }
                if (!item.getAckReason().isEmpty()) {
                    html.append(" <span class=\"muted\">acknowledged: ")
                            .append(Html.escape(item.getAckReason()))
                            .append("</span>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
    }

    private static String mark(ChecklistItem item) {
        return switch (item.getState()) {
            case ITEM_STATE_PASSING -> "✔ passing:";
            case ITEM_STATE_FAILING -> "✘ failing:";
            case ITEM_STATE_ACKNOWLEDGED -> "✔ acknowledged:";
            default -> "… pending:";
        };
    }

    private static String css(ChecklistItem item) {
        return switch (item.getState()) {
            case ITEM_STATE_PASSING, ITEM_STATE_ACKNOWLEDGED -> "ok";
            case ITEM_STATE_FAILING -> "bad";
            default -> "muted";
        };
    }
}
