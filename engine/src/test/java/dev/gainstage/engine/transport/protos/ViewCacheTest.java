package dev.gainstage.engine.transport.protos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gainstage.engine.graph.GraphChange;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.rules.StagingRuleSet;
import dev.gainstage.engine.session.DecisionPersistence;
import dev.gainstage.engine.session.Decisions;
import dev.gainstage.engine.session.MeterPool;
import dev.gainstage.engine.session.SessionEngine;
import dev.gainstage.proto.v1.SessionView;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A watcher's views built with its cache are the views built from nothing, byte for byte, whatever changed. */
class ViewCacheTest {
    private final SessionEngine engine = new SessionEngine(
            "cache",
            RuleOverrides.NONE,
            StagingRuleSet.standard(),
            MeterOptions.defaults(),
            MeterPool.inline(),
            Decisions.NONE,
            new DecisionPersistence() {
                @Override
                public Loaded load(String sessionKey) {
                    return new Loaded(Decisions.NONE, "");
                }

                @Override
                public void save(String sessionKey, Decisions decisions) {}
            },
            "");
    private final ViewCache cache = new ViewCache();
    private SessionView lastSent;

    private static Stage stage(String id, StageKind kind) {
        return new Stage(id, kind, id, "", true, OptionalDouble.empty(), "");
    }

    private static Strip strip(String id, StripKind kind, List<String> outputs, StageKind... kinds) {
        List<Stage> stages = new java.util.ArrayList<>();
        for (StageKind k : kinds) {
            stages.add(stage(id + "/" + k.name().toLowerCase(java.util.Locale.ROOT), k));
        }
        return new Strip(id, id, kind, 2, stages, outputs);
    }

    /** The view through the cache must be the fresh view, and (when {@code changed}) not the one sent before. */
    private void sameAsFresh(boolean changed) {
        SessionView cached = ViewProtos.view(engine.state(), OptionalDouble.empty(), cache);
        SessionView fresh = ViewProtos.view(engine.state());
        assertEquals(fresh, cached);
        assertArrayEquals(fresh.toByteArray(), cached.toByteArray());
        if (changed && lastSent != null) {
            assertNotEquals(
                    lastSent.toBuilder().clearViewSequence().build(),
                    cached.toBuilder().clearViewSequence().build(),
                    "the change shows");
        }
        lastSent = cached;
    }

    @Test
    void everyGraphChangeAndEveryChecklistChangeReachesTheNextView() throws Exception {
        engine.onSnapshot(
                1,
                List.of(
                        strip(
                                "vox",
                                StripKind.AUDIO_TRACK,
                                List.of("bus"),
                                StageKind.SOURCE,
                                StageKind.TRIM,
                                StageKind.PLUGIN,
                                StageKind.FADER,
                                StageKind.OUTPUT),
                        strip("bus", StripKind.BUS, List.of("master"), StageKind.SOURCE, StageKind.OUTPUT),
                        strip("master", StripKind.MASTER, List.of(), StageKind.SOURCE, StageKind.OUTPUT)));
        sameAsFresh(false);
        sameAsFresh(false); // nothing changed: all from the cache

        engine.onChange(2, new GraphChange.StripRenamed("vox", "Lead Vox"));
        sameAsFresh(true);
        engine.onChange(3, new GraphChange.StageActiveChanged("vox/plugin", false));
        sameAsFresh(true);
        engine.onChange(4, new GraphChange.StageAdded("bus", stage("bus/comp", StageKind.PLUGIN), 1));
        sameAsFresh(true);
        engine.onChange(5, new GraphChange.RoutingChanged("vox", List.of("master")));
        sameAsFresh(true);
        engine.onChange(
                6, new GraphChange.StripAdded(strip("gtr", StripKind.AUDIO_TRACK, List.of("bus"), StageKind.SOURCE)));
        sameAsFresh(true);

        engine.updateDecisions(d -> d.acknowledgeItem("source:gtr/source", "a DI, judged by ear"));
        sameAsFresh(true);
        engine.updateDecisions(d -> d.withdrawAcknowledgement("source:gtr/source", true));
        sameAsFresh(true);
    }
}
