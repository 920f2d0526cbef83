package dev.gainstage.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Readings;
import dev.gainstage.engine.rules.Rule;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRuleSet;
import dev.gainstage.engine.rules.WarningState;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Marking a stage intentional clears its warnings at the next tick, not 100 s later; unmarking brings them back. */
class JudgeIntentionalTest {
    private final Judge judge = new Judge(RuleConfig.defaults(), StagingRuleSet.standard());
    private double now;

    private static Stage stage(String id, StageKind kind) {
        return new Stage(id, kind, id, "", true, OptionalDouble.empty(), "");
    }

    private static SessionGraph graph() throws GraphException {
        return SessionGraph.of(List.of(new Strip(
                "vox",
                "Vox",
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        stage("vox/source", StageKind.SOURCE),
                        stage("vox/trim", StageKind.TRIM).withGainDb(0),
                        stage("vox/comp", StageKind.PLUGIN),
                        stage("vox/fader", StageKind.FADER).withGainDb(0)),
                List.of())));
    }

    /** A compressor driven at -3 dBFS peaks, -8 dBFS RMS: its input is overdriven. */
    private static final Map<TapKey, MeterReading> OVERDRIVEN = Map.of(
            new TapKey("vox/comp", TapPoint.INPUT), Readings.of(-3, -3, -8, -8, 10),
            new TapKey("vox/comp", TapPoint.OUTPUT), Readings.of(-3, -3, -8, -8, 10));

    private void ticks(SessionGraph g, int n, Set<String> intentional) {
        for (int i = 0; i < n; i++) {
            now += 0.1;
            judge.tick(now, g, OVERDRIVEN, intentional);
        }
    }

    private boolean overdriveShown(SessionGraph g) {
        return judge.verdict(g, OVERDRIVEN, Decisions.NONE).warnings().stream()
                .anyMatch(w -> w.rule() == Rule.PLUGIN_INPUT_OVERDRIVE);
    }

    private long overdriveEvents(WarningState state) {
        return judge.verdict(SessionGraph.EMPTY, Map.of(), Decisions.NONE).recentEvents().stream()
                .filter(e -> e.warning().rule() == Rule.PLUGIN_INPUT_OVERDRIVE
                        && e.warning().state() == state)
                .count();
    }

    @Test
    void markingAStageOrItsStripIntentionalClearsItsWarningAtTheNextTick() throws GraphException {
        SessionGraph g = graph();
        for (String mark : List.of("vox/comp", "vox")) {
            ticks(g, 10, Set.of());
            assertTrue(overdriveShown(g), "raised while not intentional");
            ticks(g, 1, Set.of(mark));
            assertTrue(!overdriveShown(g), "cleared at the first tick after marking " + mark);
        }
        assertEquals(2, overdriveEvents(WarningState.CLEARED), "each clearing was sent as a CLEARED event");
        ticks(g, 10, Set.of());
        assertTrue(overdriveShown(g), "unmarked, a condition still true comes back");
        assertEquals(3, overdriveEvents(WarningState.RAISED));
    }
}
