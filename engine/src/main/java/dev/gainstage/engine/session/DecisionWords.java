package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.ChecklistItem;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.rules.RuleWording;
import dev.gainstage.engine.rules.Warning;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The user's decisions in words, as the history shows them: what was decided, about what, where. */
final class DecisionWords {
    private DecisionWords() {}

    static String where(Warning w) {
        return w.stripName() + " ▸ " + w.stageName();
    }

    static String acknowledgedWarning(Warning w, String reason) {
        return "Acknowledged \"" + RuleWording.title(w.rule()) + "\" on " + where(w) + ": " + reason.strip();
    }

    static String acknowledgedItem(ChecklistItem item, String reason) {
        return "Acknowledged checklist item \"" + item.text() + "\": " + reason.strip();
    }

    static String intentional(SessionGraph graph, String id, boolean strip, boolean on) {
        String what;
        if (strip) {
            what = "strip " + graph.strip(id).map(Strip::name).orElse(id);
        } else {
            Strip s = graph.stripOfStage(id).orElse(null);
            String stage = graph.stage(id).map(Stage::name).orElse(id);
            what = s == null ? stage : s.name() + " ▸ " + stage;
        }
        return (on ? "Marked " : "Unmarked ") + what + " as intentional saturation";
    }

    static String fix(Warning w, List<GainChange> changes) {
        return "Applied the fix for \"" + RuleWording.title(w.rule()) + "\" on " + where(w) + ": "
                + changes.stream().map(DecisionWords::gain).collect(Collectors.joining(", "));
    }

    static String gain(GainChange g) {
        return g.knowsBefore() && Double.isFinite(g.afterDb())
                ? String.format(Locale.ROOT, "%s %.1f → %.1f dB", g.stageName(), g.beforeDb(), g.afterDb())
                : String.format(Locale.ROOT, "%s %+.1f dB", g.stageName(), g.changeDb());
    }
}
