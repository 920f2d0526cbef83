package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Strip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links "too hot" warnings to the upstream warning they follow from, so that a hot source which makes
 * every stage after it hot shows as one primary warning with the rest grouped under it, not a wall
 * of red. Upstream means earlier in the same chain, or, for a bus or the master, in a strip feeding it.
 */
public final class RootCauses {
    /** Rules that mean "too much level here": the ones a hot stage upstream propagates. */
    static final Set<Rule> HOT = EnumSet.of(
            Rule.SOURCE_TOO_HOT,
            Rule.SOURCE_CLIPPING,
            Rule.PLUGIN_INPUT_OVERDRIVE,
            Rule.PLUGIN_OUTPUT_HOT,
            Rule.BUS_OVERLOAD,
            Rule.MASTER_OVER_0DBFS,
            Rule.MASTER_LOW_HEADROOM);

    private RootCauses() {}

    /** The same warnings, each hot one carrying the id of its primary warning ("" for a primary). */
    public static List<Warning> link(SessionGraph graph, List<Warning> active) {
        Map<String, List<Warning>> hotByStrip = new HashMap<>();
        for (Warning w : active) {
            if (HOT.contains(w.rule())) {
                hotByStrip.computeIfAbsent(w.stripId(), k -> new ArrayList<>()).add(w);
            }
        }
        List<Warning> out = new ArrayList<>(active.size());
        for (Warning w : active) {
            if (!HOT.contains(w.rule())) {
                out.add(w.withRootCause(""));
                continue;
            }
            Warning root = rootOf(graph, w, hotByStrip, new HashSet<>());
            out.add(w.withRootCause(root == w ? "" : root.id()));
        }
        return out;
    }

    private static Warning rootOf(
            SessionGraph graph, Warning w, Map<String, List<Warning>> hotByStrip, Set<String> seen) {
        Strip strip = graph.strip(w.stripId()).orElse(null);
        if (strip == null || !seen.add(w.stripId())) {
            return w;
        }
        int index = strip.indexOf(w.stageId());
        // The earliest hot warning before this stage in the same chain is where the level went wrong.
        Optional<Warning> inChain = hotByStrip.getOrDefault(w.stripId(), List.of()).stream()
                .filter(o -> o != w && strip.indexOf(o.stageId()) >= 0 && strip.indexOf(o.stageId()) < index)
                .min(Comparator.comparingInt(o -> strip.indexOf(o.stageId())));
        if (inChain.isPresent()) {
            return rootOf(graph, inChain.get(), hotByStrip, seen);
        }
        // Nothing upstream in this chain: a bus or the master follows from the hottest strip feeding it.
        Warning best = null;
        for (Strip feeder : graph.feeders(strip.id())) {
            List<Warning> hot = hotByStrip.getOrDefault(feeder.id(), List.of());
            Optional<Warning> earliest = hot.stream().min(Comparator.comparingInt(o -> feeder.indexOf(o.stageId())));
            if (earliest.isPresent()) {
                Warning candidate = rootOf(graph, earliest.get(), hotByStrip, new HashSet<>(seen));
                if (best == null || candidate.measured() > best.measured()) {
                    best = candidate;
                }
            }
        }
        return best == null ? w : best;
    }
}
