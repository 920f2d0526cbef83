package dev.gainstage.engine.graph;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One stage of a strip's chain, immutable.
 *
 * @param gainDb     the stage's own gain (trim, fader, send level), when it has one
 * @param sendTarget for sends: the id of the strip fed, "" for an external send
 */
public record Stage(
        String id,
        StageKind kind,
        String name,
        String pluginUri,
        boolean active,
        OptionalDouble gainDb,
        String sendTarget) {
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        pluginUri = pluginUri == null ? "" : pluginUri;
        gainDb = gainDb == null ? OptionalDouble.empty() : gainDb;
        sendTarget = sendTarget == null ? "" : sendTarget;
    }

    public Stage withActive(boolean newActive) {
        return new Stage(id, kind, name, pluginUri, newActive, gainDb, sendTarget);
    }

    public Stage withGainDb(double newGainDb) {
        return new Stage(id, kind, name, pluginUri, active, OptionalDouble.of(newGainDb), sendTarget);
    }
}
