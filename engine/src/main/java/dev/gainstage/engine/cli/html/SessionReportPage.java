package dev.gainstage.engine.cli.html;

import dev.gainstage.engine.report.Html;
import dev.gainstage.proto.v1.SessionView;
import java.util.List;
import java.util.Locale;

/**
 * The {@code report --html} page: one self-contained HTML file (inline CSS and SVG, no scripts, fonts or external
 * references) of a session's view, made of {@link ReportSection}s.
 */
public final class SessionReportPage {
    /**
     * The sections, in page order: the overview in time first (the master against its delivery target, when each
     * warning was on), then where everything stands now.
     */
    public static final List<ReportSection> SECTIONS = List.of(
            new MasterLoudnessSection(),
            new TimelineSection(),
            new LevelsSection(),
            new WarningsSection(),
            new ChecklistSection());

    private SessionReportPage() {}

    public static String render(SessionReport report) {
        return render(report, SECTIONS);
    }

    static String render(SessionReport report, List<ReportSection> sections) {
        SessionView view = report.view();
        StringBuilder body = new StringBuilder();
        String name = view.getSessionName().isEmpty() ? view.getSessionKey() : view.getSessionName();
        body.append("<h1>gainstage report: ").append(Html.escape(name)).append("</h1>");
        body.append("<p class=\"muted\">")
                .append(String.format(Locale.ROOT, "%.1f s of audio", view.getAudioTimeSeconds()))
                .append(", adapter ")
                .append(Html.escape(view.getAdapterName().isEmpty() ? "-" : view.getAdapterName()))
                .append(view.getAdapterConnected() ? " (connected)" : " (disconnected)")
                .append(", ")
                .append(view.getRowsCount())
                .append(" strips, ")
                .append(view.getWarningsCount())
                .append(" warnings</p>");
        for (String notice : view.getNoticesList()) {
            body.append("<p class=\"warn\">").append(Html.escape(notice)).append("</p>");
        }
        body.append("<ul class=\"contents\">");
        for (ReportSection s : sections) {
            body.append("<li><a href=\"#")
                    .append(anchor(s))
                    .append("\">")
                    .append(Html.escape(s.title()))
                    .append("</a></li>");
        }
        body.append("</ul>");
        for (ReportSection s : sections) {
            body.append("<section id=\"")
                    .append(anchor(s))
                    .append("\"><h2>")
                    .append(Html.escape(s.title()))
                    .append("</h2>");
            s.append(report, body);
            body.append("</section>");
        }
        return Html.page(
                "gainstage report: " + name,
                LevelsSection.CSS + MasterLoudnessSection.CSS + TimelineSection.CSS,
                body.toString());
    }

    private static String anchor(ReportSection s) {
        return s.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
