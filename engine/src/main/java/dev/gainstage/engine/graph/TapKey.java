package dev.gainstage.engine.graph;

import java.util.Objects;

/** One metering point: a stage's input or output. */
public record TapKey(String stageId, TapPoint point) {
    public TapKey {
        Objects.requireNonNull(stageId, "stageId");
        Objects.requireNonNull(point, "point");
    }

    @Override
    public String toString() {
        return stageId + (point == TapPoint.INPUT ? ":in" : ":out");
    }
}
