package dev.gainstage.engine.cli;

import dev.gainstage.proto.v1.Warning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses which warnings' fixes to apply in one round. The sidecar has already planned them (root causes first, one
 * change per control: only the warnings that carry a fix have one to apply); a round leaves out acknowledged and
 * clearing warnings, and a multi-step fix (lowering several feeders) that touches a stage another fix of the round
 * changes.
 */
public final class FixPlanner {
    private FixPlanner() {}

    public static List<Warning> round(List<Warning> active) {
        Set<String> taken = new HashSet<>();
        List<Warning> chosen = new ArrayList<>();
        for (Warning w : active) {
            if (w.getFixCount() == 0 || w.getAcknowledged() || w.getClearing()) {
                continue;
            }
            boolean clash = w.getFixList().stream().anyMatch(s -> taken.contains(s.getStageId()));
            if (!clash) {
                w.getFixList().forEach(s -> taken.add(s.getStageId()));
                chosen.add(w);
            }
        }
        return chosen;
    }
}
