package dev.gainstage.engine.cli;

import dev.gainstage.proto.v1.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which warnings' fixes to apply in one round: only primary warnings (a follower clears when
 * its root cause is fixed, and fixing both would over-correct), and per stage only the fix that
 * lowers the level most (a plugin both too loud and hot wants the larger cut, not both cuts). A
 * warning that is clearing has been fixed already.
 */
public final class FixPlanner {
    private FixPlanner() {}

    public static List<Warning> round(List<Warning> active) {
        Set<String> ids = new HashSet<>();
        for (Warning w : active) {
            ids.add(w.getId());
        }
        Map<String, Warning> byFirstStage = new HashMap<>();
        List<Warning> chosen = new ArrayList<>();
        for (Warning w : active) {
            boolean follower = !w.getRootCauseId().isEmpty() && ids.contains(w.getRootCauseId());
            if (follower || w.getFixCount() == 0 || w.getAcknowledged() || w.getClearing()) {
                continue;
            }
            String stage = w.getFix(0).getStageId();
            Warning other = byFirstStage.get(stage);
            if (other == null || w.getFix(0).getChangeDb() < other.getFix(0).getChangeDb()) {
                byFirstStage.put(stage, w);
            }
        }
        Set<String> taken = new HashSet<>();
        for (Warning w : active) {
            if (w.getFixCount() > 0 && byFirstStage.get(w.getFix(0).getStageId()) == w) {
                // A multi-step fix (lower every feeder) must not touch a stage another fix changes this round.
                boolean clash = w.getFixList().stream().anyMatch(s -> taken.contains(s.getStageId()));
                if (!clash) {
                    w.getFixList().forEach(s -> taken.add(s.getStageId()));
                    chosen.add(w);
                }
            }
        }
        return chosen;
    }
}
