package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixes the session offers, as an engineer would plan them: root causes first, and one change per control.
 *
 * <ul>
 *   <li>A warning that follows from another ({@link RootCauses}) offers no fix of its own: it clears when its root
 *       cause is fixed, and fixing both would over-correct.
 *   <li>The fixes of every rule on one control (a saturator's output both hot and louder than its input) become one
 *       change that satisfies them all: the largest cut (or, when all raise, the largest raise), carried by one
 *       warning; the others say which warning's fix covers them, so the panel shows one button per control.
 * </ul>
 */
public final class FixPlans {
    private FixPlans() {}

    /** The active warnings linked to their root causes, with their fixes planned. */
    public static List<Warning> plan(SessionGraph graph, List<Warning> active) {
        List<Warning> linked = RootCauses.link(graph, active);
        Set<String> ids = new HashSet<>();
        linked.forEach(w -> ids.add(w.id()));
        Map<String, Warning> carrierByControl = new LinkedHashMap<>();
        for (Warning w : linked) {
            if (offersFix(w, ids)) {
                String control = w.fix().getFirst().stageId();
                Warning best = carrierByControl.get(control);
                if (best == null || covers(w, best)) {
                    carrierByControl.put(control, w);
                }
            }
        }
        List<Warning> out = new ArrayList<>(linked.size());
        for (Warning w : linked) {
            if (follower(w, ids)) {
                Warning root = byId(linked, w.rootCauseId());
                out.add(w.withFix(List.of(), RuleWording.followsFrom(root, w.suggestion())));
            } else if (offersFix(w, ids)) {
                Warning carrier = carrierByControl.get(w.fix().getFirst().stageId());
                out.add(carrier == w ? w : w.withFix(List.of(), RuleWording.fixCoveredBy(w.suggestion(), carrier)));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static Warning byId(List<Warning> warnings, String id) {
        return warnings.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean follower(Warning w, Set<String> ids) {
        return !w.rootCauseId().isEmpty() && ids.contains(w.rootCauseId());
    }

    private static boolean offersFix(Warning w, Set<String> ids) {
        return !w.fix().isEmpty() && !follower(w, ids) && !w.clearing();
    }

    /** Whether {@code w}'s change on the control also satisfies {@code other}'s: a deeper cut, or a larger raise. */
    private static boolean covers(Warning w, Warning other) {
        double a = w.fix().getFirst().changeDb();
        double b = other.fix().getFirst().changeDb();
        if (a < 0 || b < 0) {
            return a < b; // a cut wins over a raise; the deeper cut over a shallower one
        }
        return a > b;
    }
}
