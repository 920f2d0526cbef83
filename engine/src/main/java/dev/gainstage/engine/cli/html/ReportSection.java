package dev.gainstage.engine.cli.html;

import dev.gainstage.proto.v1.SessionView;

/**
 * One section of the {@code report --html} page, built from the session's view alone. The page is the sections in
 * {@link SessionReportPage#SECTIONS}' order; a new part of the report (the master's loudness history against the
 * delivery target, the warnings' timeline) is a new section added there.
 */
public interface ReportSection {
    /** The section's heading, also its anchor in the page's contents. */
    String title();

    /** Appends the section's body (HTML, escaped) to {@code html}. */
    void append(SessionView view, StringBuilder html);
}
