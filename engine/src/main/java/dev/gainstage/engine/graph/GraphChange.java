package dev.gainstage.engine.graph;

import java.util.List;

/** One change to a session graph, as a DAW adapter reports it. */
public sealed interface GraphChange {
    record StripAdded(Strip strip) implements GraphChange {}

    record StripRemoved(String stripId) implements GraphChange {}

    record StripRenamed(String stripId, String name) implements GraphChange {}

    /** Inserts before the stage at {@code index}; {@code index == size} appends. */
    record StageAdded(String stripId, Stage stage, int index) implements GraphChange {}

    record StageRemoved(String stageId) implements GraphChange {}

    /** Moves to {@code index} of the chain as it is without the stage. */
    record StageMoved(String stageId, int index) implements GraphChange {}

    record StageActiveChanged(String stageId, boolean active) implements GraphChange {}

    record RoutingChanged(String stripId, List<String> outputs) implements GraphChange {
        public RoutingChanged {
            outputs = List.copyOf(outputs);
        }
    }

    record GainChanged(String stageId, double gainDb) implements GraphChange {}
}
