package dev.gainstage.engine.cli.html;

/**
 * One section of the {@code report --html} page, built from the session's view and history. The page is the
 * sections in {@link SessionReportPage#SECTIONS}' order; a new part of the report is a new section added there.
 */
public interface ReportSection {
    /** The section's heading, also its anchor in the page's contents. */
    String title();

    /** Appends the section's body (HTML, escaped) to {@code html}. */
    void append(SessionReport report, StringBuilder html);
}
