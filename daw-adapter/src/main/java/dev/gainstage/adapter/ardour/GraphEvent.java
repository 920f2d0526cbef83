package dev.gainstage.adapter.ardour;

import dev.gainstage.proto.v1.GainChanged;
import dev.gainstage.proto.v1.RoutingChanged;
import dev.gainstage.proto.v1.SessionDelta;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageActiveChanged;
import dev.gainstage.proto.v1.StageAdded;
import dev.gainstage.proto.v1.StageMoved;
import dev.gainstage.proto.v1.StageRemoved;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.StripAdded;
import dev.gainstage.proto.v1.StripRemoved;
import dev.gainstage.proto.v1.StripRenamed;
import java.util.List;

/** One change of the Ardour session's graph, as the adapter found it between two bridge frames. */
public sealed interface GraphEvent {
    /** The protocol's delta for this change, with its sequence number. */
    SessionDelta toDelta(long sequence);

    record StripAddedEvent(Strip strip) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStripAdded(StripAdded.newBuilder().setStrip(strip))
                    .build();
        }
    }

    record StripRemovedEvent(String stripId) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStripRemoved(StripRemoved.newBuilder().setStripId(stripId))
                    .build();
        }
    }

    record StripRenamedEvent(String stripId, String name) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStripRenamed(
                            StripRenamed.newBuilder().setStripId(stripId).setName(name))
                    .build();
        }
    }

    record StageAddedEvent(String stripId, Stage stage, int index) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStageAdded(StageAdded.newBuilder()
                            .setStripId(stripId)
                            .setStage(stage)
                            .setIndex(index))
                    .build();
        }
    }

    record StageRemovedEvent(String stageId) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStageRemoved(StageRemoved.newBuilder().setStageId(stageId))
                    .build();
        }
    }

    record StageMovedEvent(String stageId, int index) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStageMoved(StageMoved.newBuilder().setStageId(stageId).setIndex(index))
                    .build();
        }
    }

    record StageActiveChangedEvent(String stageId, boolean active) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setStageActiveChanged(
                            StageActiveChanged.newBuilder().setStageId(stageId).setActive(active))
                    .build();
        }
    }

    record RoutingChangedEvent(String stripId, List<String> outputs) implements GraphEvent {
        public RoutingChangedEvent {
            outputs = List.copyOf(outputs);
        }

        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setRoutingChanged(
                            RoutingChanged.newBuilder().setStripId(stripId).addAllOutputs(outputs))
                    .build();
        }
    }

    record GainChangedEvent(String stageId, double gainDb) implements GraphEvent {
        @Override
        public SessionDelta toDelta(long sequence) {
            return SessionDelta.newBuilder()
                    .setSequence(sequence)
                    .setGainChanged(GainChanged.newBuilder().setStageId(stageId).setGainDb(gainDb))
                    .build();
        }
    }
}
