package dev.gainstage.engine.cli.html;

import dev.gainstage.engine.report.DbAxis;
import dev.gainstage.engine.report.Html;
import dev.gainstage.proto.v1.FixStep;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;
import java.util.Locale;

/** The active warnings, worst first as the sidecar orders them: what is wrong, the fix, and what it rests on. */
final class WarningsSection implements ReportSection {
    @Override
    public String title() {
        return "Warnings";
    }

    @Override
    public void append(SessionReport report, StringBuilder html) {
        SessionView view = report.view();
        if (view.getWarningsCount() == 0) {
            html.append("<p class=\"ok\">No staging problems found.</p>");
            return;
        }
        html.append("<ol class=\"warnings\">");
        for (Warning w : view.getWarningsList()) {
            html.append("<li class=\"warning ").append(css(w)).append("\"><b>");
            html.append(Html.escape(severity(w))).append(": ");
            html.append(Html.escape(w.getTitle().isEmpty() ? w.getRule().name() : w.getTitle()));
            html.append("</b> <span class=\"muted\">")
                    .append(Html.escape(w.getStripName()))
                    .append(" ▸ ")
                    .append(Html.escape(w.getStageName()))
                    .append("</span>");
            html.append("<div>").append(Html.escape(w.getMessage())).append("</div>");
            if (!w.getSuggestion().isEmpty()) {
                html.append("<div class=\"fix\">Fix: ").append(Html.escape(w.getSuggestion()));
                for (FixStep step : w.getFixList()) {
                    html.append(" <span class=\"muted\">[")
                            .append(Html.escape(step.getStageId()))
                            .append(String.format(Locale.ROOT, " %+.1f dB", step.getChangeDb()))
                            .append("]</span>");
                }
                html.append("</div>");
            }
            if (!w.getEvidence().isEmpty()) {
                html.append("<div class=\"evidence\">Evidence: ")
                        .append(Html.escape(w.getEvidence()))
                        .append("</div>");
            }
            html.append("<div class=\"muted\">")
                    .append(String.format(
                            Locale.ROOT,
                            "measured %s %s against %s; seen from %.1f s to %.1f s of session audio",
                            DbAxis.label(w.getMeasured()),
                            Html.escape(w.getUnit()),
                            DbAxis.label(w.getThreshold()),
                            w.getFirstSeenSeconds(),
                            w.getLastSeenSeconds()));
            if (!w.getRootCauseId().isEmpty()) {
                html.append("; follows from ").append(Html.escape(w.getRootCauseId()));
            }
            if (w.getClearing()) {
                html.append("; clearing");
            }
            if (w.getAcknowledged()) {
                html.append("; acknowledged")
                        .append(w.getAckReason().isEmpty() ? "" : ": " + Html.escape(w.getAckReason()));
            }
            html.append("</div></li>");
        }
        html.append("</ol>");
    }

    private static String severity(Warning w) {
        return w.getSeverity().name().replace("SEVERITY_", "").toLowerCase(Locale.ROOT);
    }

    private static String css(Warning w) {
        return switch (w.getSeverity()) {
            case SEVERITY_CRITICAL -> "bad";
            case SEVERITY_WARNING -> "warn";
            default -> "muted";
        };
    }
}
