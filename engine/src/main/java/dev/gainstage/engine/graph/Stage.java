package dev.gainstage.engine.graph;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One stage of a strip's chain, immutable.
 *
 * @param gainDb     the stage's own gain (trim, fader, send level), when it has one
 * @param sendTarget for sends: the id of the strip fed, "" for an external send
 * @param pluginClass for plugins: what the plugin does, where the DAW says ({@link PluginClass#UNKNOWN} otherwise)
 * @param pluginCategory for plugins: the DAW's own word for its class ("Distortion"), "" when it gives none
 */
public record Stage(
        String id,
        StageKind kind,
        String name,
        String pluginUri,
        boolean active,
        OptionalDouble gainDb,
        String sendTarget,
        PluginClass pluginClass,
        String pluginCategory) {
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? id : name;
        pluginUri = pluginUri == null ? "" : pluginUri;
        gainDb = gainDb == null ? OptionalDouble.empty() : gainDb;
        sendTarget = sendTarget == null ? "" : sendTarget;
        pluginClass = pluginClass == null ? PluginClass.UNKNOWN : pluginClass;
        pluginCategory = pluginCategory == null ? "" : pluginCategory;
    }

    /** A stage whose plugin class is not reported. */
    public Stage(
            String id,
            StageKind kind,
            String name,
            String pluginUri,
            boolean active,
            OptionalDouble gainDb,
            String sendTarget) {
        this(id, kind, name, pluginUri, active, gainDb, sendTarget, PluginClass.UNKNOWN, "");
    }

    public Stage withActive(boolean newActive) {
        return new Stage(id, kind, name, pluginUri, newActive, gainDb, sendTarget, pluginClass, pluginCategory);
    }

    public Stage withGainDb(double newGainDb) {
        return new Stage(
                id,
                kind,
                name,
                pluginUri,
                active,
                OptionalDouble.of(newGainDb),
                sendTarget,
                pluginClass,
                pluginCategory);
    }
}
