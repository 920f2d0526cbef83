package dev.gainstage.engine.rules;

import java.util.List;

/** The gain changes the rules' suggestions apply. */
final class Fixes {
    private Fixes() {}

    /** One change on one stage; none when there is no stage to change ({@code stageId} empty). */
    static List<FixStep> at(String stageId, double changeDb) {
        return stageId.isEmpty() ? List.of() : List.of(new FixStep(stageId, changeDb));
    }
}
