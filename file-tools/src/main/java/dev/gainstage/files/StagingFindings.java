package dev.gainstage.files;

import dev.gainstage.engine.rules.Observation;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staging findings of {@code analyze}: the live rules ({@link StagingRules}, the standard set, at
 * their default thresholds) judge the stems as tracks and the sum as the master of a
 * {@link StemGraph}. Nothing is judged here, so a file and a live session cannot disagree.
 */
public final class StagingFindings {
    /** The live rules' defaults: one set of numbers for the sidecar and for files. */
    static final RuleConfig RULES = RuleConfig.defaults();

    private StagingFindings() {}

    /** Each track's findings (stems in order, then the sum), by track name; a track without any has an empty list. */
    public static Map<String, List<Finding>> of(List<TrackAnalysis> stems, TrackAnalysis sum) {
        StemGraph g = StemGraph.of(stems, sum);
        Map<String, List<Finding>> found = new LinkedHashMap<>();
        for (TrackAnalysis t : stems) {
            found.put(t.name(), new ArrayList<>());
        }
        found.put(sum.name(), new ArrayList<>());
        for (Observation o : new StagingRules(RULES).evaluate(g.graph(), g.readings(), Set.of())) {
            if (o.breaks()) {
                String track = g.trackOfStrip().get(o.stripId());
                found.get(track).add(Finding.of(track, o));
            }
        }
        return found;
    }
}
