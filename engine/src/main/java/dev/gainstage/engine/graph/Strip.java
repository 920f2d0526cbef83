package dev.gainstage.engine.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A strip (track, bus, master) with its chain in signal order, immutable. */
public record Strip(String id, String name, StripKind kind, int channels, List<Stage> stages, List<String> outputs) {
    public Strip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        stages = List.copyOf(stages);
        outputs = List.copyOf(outputs);
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Stage> firstOfKind(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }

    public Strip withName(String newName) {
        return new Strip(id, newName, kind, channels, stages, outputs);
    }

    public Strip withStages(List<Stage> newStages) {
        return new Strip(id, name, kind, channels, newStages, outputs);
    }

    public Strip withOutputs(List<String> newOutputs) {
        return new Strip(id, name, kind, channels, stages, newOutputs);
    }
}
