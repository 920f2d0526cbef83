package dev.gainstage.adapter.compare;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import java.util.ArrayList;
import java.util.List;

/**
 * Which gain stages can match a plugin that has no output control of its own (or one whose range cannot take the
 * match): the strip's fader when it comes after the plugin (it changes what no other plugin of the strip hears, bar
 * post-fader ones), then its trim (before the plugin, which is bypassed while the trim is raised). One rule for every
 * adapter, read from the strip as the adapter reports it.
 */
public final class MatchStages {
    private MatchStages() {}

    /** The fader after the plugin, then the trim, those the strip has; empty for a stage of no strip. */
    public static List<String> gainStagesFor(List<Strip> strips, String pluginStageId) {
        for (Strip strip : strips) {
            List<Stage> stages = strip.getStagesList();
            int at = -1;
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).getId().equals(pluginStageId)) {
                    at = i;
                }
            }
            if (at < 0) {
                continue;
            }
            List<String> found = new ArrayList<>();
            for (int i = at + 1; i < stages.size() && found.isEmpty(); i++) {
                if (stages.get(i).getKind() == StageKind.STAGE_KIND_FADER) {
                    found.add(stages.get(i).getId());
                }
            }
            stages.stream()
                    .filter(s -> s.getKind() == StageKind.STAGE_KIND_TRIM)
                    .map(Stage::getId)
                    .findFirst()
                    .ifPresent(found::add);
            return found;
        }
        return List.of();
    }
}
