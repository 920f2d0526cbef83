package dev.gainstage.engine.rules;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A master or bus that sums too hot is fixed at the root: the gain it adds itself first, then only the strips that
 * make it loud, never one that is itself too quiet.
 */
class SumFixTest {
    private final StagingRules rules = new StagingRules(RuleConfig.defaults());
    private final Map<TapKey, MeterReading> readings = new HashMap<>();

    private static Stage stage(String id, StageKind kind, double gainDb) {
        return new Stage(
                id,
                kind,
                kind.name(),
                "",
                true,
                Double.isNaN(gainDb) ? OptionalDouble.empty() : OptionalDouble.of(gainDb),
                "");
    }

    private static Strip track(String id) {
        return new Strip(
                id,
                id.toUpperCase(java.util.Locale.ROOT),
                StripKind.AUDIO_TRACK,
                2,
                List.of(
                        stage(id + "/source", StageKind.SOURCE, Double.NaN),
                        stage(id + "/trim", StageKind.TRIM, 0),
                        stage(id + "/fader", StageKind.FADER, 0),
                        stage(id + "/output", StageKind.OUTPUT, Double.NaN)),
                List.of("master"));
    }

    private SessionGraph graph(double masterTrimDb) throws GraphException {
        List<Strip> strips = new ArrayList<>(List.of(track("bass"), track("keys"), track("bvox")));
        strips.add(new Strip(
                "master",
                "Master",
                StripKind.MASTER,
                2,
                List.of(
                        stage("master/source", StageKind.SOURCE, Double.NaN),
                        stage("master/trim", StageKind.TRIM, masterTrimDb),
                        stage("master/fader", StageKind.FADER, 0),
                        stage("master/output", StageKind.OUTPUT, Double.NaN)),
                List.of()));
        return SessionGraph.of(strips);
    }

    private Observation masterOver(double masterTrimDb) throws GraphException {
        readings.put(new TapKey("bass/output", TapPoint.OUTPUT), Readings.peak(-4));
        readings.put(new TapKey("keys/output", TapPoint.OUTPUT), Readings.peak(-9));
        readings.put(new TapKey("bvox/output", TapPoint.OUTPUT), Readings.peak(-30)); // itself far too quiet
        readings.put(new TapKey("master/output", TapPoint.OUTPUT), Readings.peak(2));
        return rules.evaluate(graph(masterTrimDb), readings::get, Set.of()).stream()
                .filter(o -> o.rule() == Rule.MASTER_OVER_0DBFS)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void gainTheMasterAddsItselfIsLoweredFirst() throws GraphException {
        Observation o = masterOver(11);
        assertTrue(o.breaks());
        assertEquals(List.of(new FixStep("master/trim", -8.0)), o.fix(), "2 dBFS to -6: the master's trim alone");
        assertTrue(o.suggestion().startsWith("Lower Master's TRIM by 8.0 dB (it adds +11.0 dB)"), o.suggestion());
    }

    @Test
    void onlyTheStripsThatMakeTheSumLoudAreLoweredNeverATooQuietOne() throws GraphException {
        Observation o = masterOver(0);
        assertEquals(List.of(new FixStep("bass/fader", -8.0), new FixStep("keys/fader", -8.0)), o.fix());
        assertTrue(o.suggestion().contains("(BASS, KEYS) by 8.0 dB"), o.suggestion());
        assertTrue(!o.suggestion().contains("BVOX"), "Backing vox is itself too quiet: " + o.suggestion());
    }

    @Test
    void aMasterTrimThatAddsLessThanTheCutGoesToZeroAndTheRestGoesToTheFeeders() throws GraphException {
        Observation o = masterOver(3);
        assertEquals(
                List.of(
                        new FixStep("master/trim", -3.0),
                        new FixStep("bass/fader", -5.0),
                        new FixStep("keys/fader", -5.0)),
                o.fix());
    }
}
