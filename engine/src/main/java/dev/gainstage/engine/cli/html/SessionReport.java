package dev.gainstage.engine.cli.html;

import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;

/**
 * What a {@code report --html} page is made from: the session's view (levels, warnings, checklist, the master's
 * loudness) and its history on the DAW's timeline (the warnings' spans; no stage levels are needed).
 */
public record SessionReport(SessionView view, SessionHistoryView history) {}
