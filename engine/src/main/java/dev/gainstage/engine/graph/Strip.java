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

    // Plain loops, not streams: the rules ask these of every stage at every tick.
    public Optional<Stage> stage(String stageId) {
        int i = indexOf(stageId);
        return i < 0 ? Optional.empty() : Optional.of(stages.get(i));
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
        for (Stage s : stages) {
            if (s.kind() == kind) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
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
