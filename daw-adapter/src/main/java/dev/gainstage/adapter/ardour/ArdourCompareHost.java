package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.compare.CompareHost;
import dev.gainstage.adapter.compare.CompareRefused;
import dev.gainstage.adapter.compare.MatchStages;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.StageKind;
import dev.gainstage.proto.v1.Strip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Ardour as a {@link CompareHost}, through its OSC surface: plugins are bypassed with {@code /strip/plugin/deactivate}
 * and brought back with {@code /strip/plugin/activate}; gains are set the way fixes set them ({@link FixApplier}).
 * Every change waits until the bridge reports Ardour showing it. Runs on the adapter's fix thread.
 */
final class ArdourCompareHost implements CompareHost {
    /** A gain already this close to the one asked for is left alone (Ardour's values are floats). */
    private static final double SAME_DB = 1e-4;

    private final Supplier<ArdourSession> sessions;
    private final ArdourSurface surface;
    private final FixApplier gains;

    ArdourCompareHost(Supplier<ArdourSession> sessions, ArdourSurface surface, FixApplier gains) {
        this.sessions = sessions;
        this.surface = surface;
        this.gains = gains;
    }

    @Override
    public boolean pluginActive(String pluginStageId) throws CompareRefused {
        return plugin(session(), pluginStageId).getActive();
    }

    @Override
    public void setPluginActive(String pluginStageId, boolean active) throws CompareRefused {
        ArdourSession s = session();
        plugin(s, pluginStageId);
        Strip strip = stripOf(s, pluginStageId).orElseThrow();
        int number = 0;
        for (Stage st : strip.getStagesList()) {
            if (st.getKind() == StageKind.STAGE_KIND_PLUGIN) {
                number++; // Ardour numbers a route's plugins from 1 in chain order, as the fix targets count them
            }
            if (st.getId().equals(pluginStageId)) {
                break;
            }
        }
        try {
            OptionalInt ssid = gains.ssid(strip.getName());
            if (ssid.isEmpty()) {
                throw new CompareRefused("Ardour's OSC surface does not list strip '" + strip.getName() + "'");
            }
            surface.setPluginActive(ssid.getAsInt(), number, active);
        } catch (IOException | TimeoutException e) {
            throw new CompareRefused("could not reach Ardour's OSC surface at " + surface.address() + ": " + e);
        }
        if (!gains.awaitShown(now ->
                stage(now, pluginStageId).map(st -> st.getActive() == active).orElse(false))) {
            throw new CompareRefused("sent " + (active ? "activate" : "deactivate") + " for plugin " + number + " on "
                    + strip.getName() + " but Ardour did not show it within " + gains.showTimeout());
        }
    }

    @Override
    public List<String> matchStages(String pluginStageId) throws CompareRefused {
        ArdourSession s = session();
        plugin(s, pluginStageId);
        List<String> stages = new ArrayList<>();
        if (s.fixTargets().get(pluginStageId) instanceof FixTarget.PluginOutput) {
            stages.add(pluginStageId);
        }
        MatchStages.gainStagesFor(s.strips(), pluginStageId).stream()
                .filter(s.fixTargets()::containsKey)
                .forEach(stages::add);
        return stages;
    }

    @Override
    public boolean accepts(String stageId, double db) throws CompareRefused {
        FixTarget target = target(session(), stageId);
        return db >= target.minDb() && db <= target.maxDb();
    }

    @Override
    public double gainDb(String stageId) throws CompareRefused {
        return target(session(), stageId).currentDb();
    }

    @Override
    public void setGainDb(String stageId, double db) throws CompareRefused {
        FixTarget target = target(session(), stageId);
        if (Math.abs(target.currentDb() - db) < SAME_DB) {
            return;
        }
        if (db < target.minDb() || db > target.maxDb()) {
            throw new CompareRefused(String.format(
                    Locale.ROOT,
                    "%s would be %+.1f dB, outside its %+.1f..%+.1f dB",
                    target.describe(),
                    db,
                    target.minDb(),
                    target.maxDb()));
        }
        Optional<String> notShown;
        try {
            notShown = gains.setShown(stageId, target, db);
        } catch (IOException | TimeoutException e) {
            throw new CompareRefused("could not reach Ardour's OSC surface at " + surface.address() + ": " + e);
        }
        if (notShown.isPresent()) {
            throw new CompareRefused(notShown.get());
        }
    }

    private ArdourSession session() throws CompareRefused {
        ArdourSession s = sessions.get();
        if (s == null) {
            throw new CompareRefused("the bridge has not reported Ardour's session yet");
        }
        return s;
    }

    private static FixTarget target(ArdourSession s, String stageId) throws CompareRefused {
        FixTarget t = s.fixTargets().get(stageId);
        if (t == null) {
            throw new CompareRefused("stage " + stageId + " has no gain Ardour's OSC surface can set");
        }
        return t;
    }

    private static Stage plugin(ArdourSession s, String stageId) throws CompareRefused {
        Stage st = stage(s, stageId).orElseThrow(() -> new CompareRefused("unknown stage id '" + stageId + "'"));
        if (st.getKind() != StageKind.STAGE_KIND_PLUGIN) {
            throw new CompareRefused(stageId + " is not a plugin");
        }
        return st;
    }

    private static Optional<Stage> stage(ArdourSession s, String stageId) {
        return stripOf(s, stageId)
                .flatMap(strip -> strip.getStagesList().stream()
                        .filter(st -> st.getId().equals(stageId))
                        .findFirst());
    }

    private static Optional<Strip> stripOf(ArdourSession s, String stageId) {
        return s.strips().stream()
                .filter(strip ->
                        strip.getStagesList().stream().anyMatch(st -> st.getId().equals(stageId)))
                .findFirst();
    }
}
