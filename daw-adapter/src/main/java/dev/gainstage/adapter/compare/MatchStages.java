package dev.gainstage.adapter.compare;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import java.util.List;
import java.util.Optional;

/**
 * Which gain stage matches a plugin that has no output control of its own: the strip's fader when it comes after
 * the plugin (it changes what no other plugin of the strip hears, bar post-fader ones), else its trim. One rule for
 * every adapter, read from the strip as the adapter reports it.
 */
public final class MatchStages {
    private MatchStages() {}

    public static Optional<String> gainStageFor(List<Strip> strips, String pluginStageId) {
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
            for (int i = at + 1; i < stages.size(); i++) {
                if (stages.get(i).getKind() == StageKind.STAGE_KIND_FADER) {
                    return Optional.of(stages.get(i).getId());
                }
            }
            return stages.stream()
                    .filter(s -> s.getKind() == StageKind.STAGE_KIND_TRIM)
                    .map(Stage::getId)
                    .findFirst();
        }
        return Optional.empty();
    }
}
