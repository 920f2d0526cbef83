package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import java.util.ArrayList;
import java.util.List;

/** The gain changes the rules' suggestions apply. */
final class Fixes {
    private Fixes() {}

    /** One change on one stage; none when there is no stage to change ({@code stageId} empty). */
    static List<FixStep> at(String stageId, double changeDb) {
        return stageId.isEmpty() ? List.of() : List.of(new FixStep(stageId, changeDb));
    }

    /** Lowering the faders of everything feeding a bus or the master: its own fader would only hide the problem. */
    static List<FixStep> feederFaders(SessionGraph graph, Strip strip, double changeDb) {
        List<FixStep> steps = new ArrayList<>();
        for (Strip feeder : graph.feeders(strip.id())) {
            feeder.firstOfKind(StageKind.FADER).ifPresent(f -> steps.add(new FixStep(f.id(), changeDb)));
        }
        return steps;
    }
}
