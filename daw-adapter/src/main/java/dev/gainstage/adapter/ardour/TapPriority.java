package dev.gainstage.adapter.ardour;

import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripKind;
import dev.gainstage.proto.v1.TapPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which taps matter most when not all can be placed (a JACK client's port budget): what can clip where the
 * listener hears it first. Lower ranks are kept first: the master, then buses and every plugin's output (hot
 * plugin outputs are what the engineer most needs caught), then sources, then plugin inputs, then the rest
 * (trim, fader, sends, track outputs), which the stages around them mostly cover.
 */
final class TapPriority {
    static final int MASTER = 0;
    static final int BUS_OR_PLUGIN_OUTPUT = 1;
    static final int SOURCE = 2;
    static final int PLUGIN_INPUT = 3;
    static final int OTHER = 4;

    private final Map<String, Stage> stages = new HashMap<>();
    private final Map<String, StripKind> stripOfStage = new HashMap<>();

    TapPriority(List<Strip> strips) {
        for (Strip strip : strips) {
            for (Stage stage : strip.getStagesList()) {
                stages.put(stage.getId(), stage);
                stripOfStage.put(stage.getId(), strip.getKind());
            }
        }
    }

    int rank(ArdourSession.TapKey key) {
        StripKind strip = stripOfStage.get(key.stageId());
        Stage stage = stages.get(key.stageId());
        if (strip == null || stage == null) {
            return OTHER;
        }
        if (strip == StripKind.STRIP_KIND_MASTER) {
            return MASTER;
        }
        if (strip == StripKind.STRIP_KIND_BUS) {
            return BUS_OR_PLUGIN_OUTPUT;
        }
        if (stage.getKind() == StageKind.STAGE_KIND_PLUGIN) {
            return key.point() == TapPoint.TAP_POINT_OUTPUT ? BUS_OR_PLUGIN_OUTPUT : PLUGIN_INPUT;
        }
        return stage.getKind() == StageKind.STAGE_KIND_SOURCE ? SOURCE : OTHER;
    }
}
