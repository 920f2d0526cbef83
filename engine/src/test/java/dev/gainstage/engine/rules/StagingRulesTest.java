package dev.gainstage.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule with a signal at, just below and just above its threshold. */
class StagingRulesTest {
    private final StagingRules rules = new StagingRules(RuleConfig.defaults());
    private final Map<TapKey, MeterReading> readings = new HashMap<>();

    static Stage stage(String id, StageKind kind, String name) {
        return new Stage(id, kind, name, "", true, OptionalDouble.empty(), "");
    }

    static SessionGraph graph(double faderDb) throws GraphException {
        Strip vox = new Strip(
                "vox",
                "Vox",
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        stage("vox/source", StageKind.SOURCE, "Source"),
                        stage("vox/trim", StageKind.TRIM, "Trim").withGainDb(0),
                        stage("vox/comp", StageKind.PLUGIN, "ACE Compressor"),
                        stage("vox/fader", StageKind.FADER, "Fader").withGainDb(faderDb),
                        stage("vox/output", StageKind.OUTPUT, "Output")),
                List.of("bus"));
        Strip bus = new Strip(
                "bus",
                "Drum Bus",
                StripKind.BUS,
                2,
                List.of(
                        stage("bus/source", StageKind.SOURCE, "Bus input"),
                        stage("bus/output", StageKind.OUTPUT, "Output")),
                List.of("master"));
        Strip master = new Strip(
                "master",
                "Master",
                StripKind.MASTER,
                2,
                List.of(
                        stage("master/source", StageKind.SOURCE, "Master input"),
                        stage("master/output", StageKind.OUTPUT, "Output")),
                List.of());
        return SessionGraph.of(List.of(vox, bus, master));
    }

    private void put(String stageId, TapPoint point, MeterReading r) {
        readings.put(new TapKey(stageId, point), r);
    }

    private Optional<Observation> judge(Rule rule, String stageId, double faderDb, Set<String> intentional)
            throws GraphException {
        return rules.evaluate(graph(faderDb), readings::get, intentional).stream()
                .filter(o -> o.rule() == rule && o.stageId().equals(stageId))
                .findFirst();
    }

    private boolean breaks(Rule rule, String stageId) throws GraphException {
        return judge(rule, stageId, 0, Set.of()).map(Observation::breaks).orElse(false);
    }

    @ParameterizedTest(name = "source peak {0} dBFS: too hot {1}")
    @CsvSource({"-6.1, false", "-6.0, false", "-5.9, true", "-1.0, true"})
    void sourceTooHot(double peak, boolean fires) throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.peak(peak));
        assertEquals(fires, breaks(Rule.SOURCE_TOO_HOT, "vox/source"));
        Observation o = judge(Rule.SOURCE_TOO_HOT, "vox/source", 0, Set.of()).orElseThrow();
        assertEquals(List.of(new FixStep("vox/trim", Decibels.tenth(-9 - peak))), o.fix());
    }

    @Test
    void tooHotAndTooQuietAreJudgedAfterTheTrimThatFixesThem() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.peak(-2));
        put("vox/trim", TapPoint.OUTPUT, Readings.peak(-9));
        assertFalse(breaks(Rule.SOURCE_TOO_HOT, "vox/source"), "the trim already fixed it");
        put("vox/trim", TapPoint.OUTPUT, Readings.peak(-25));
        assertTrue(breaks(Rule.SOURCE_TOO_QUIET, "vox/source"), "trimmed too far");
        assertEquals(
                List.of(new FixStep("vox/trim", 16.0)),
                judge(Rule.SOURCE_TOO_QUIET, "vox/source", 0, Set.of())
                        .orElseThrow()
                        .fix());
        put("vox/source", TapPoint.OUTPUT, Readings.peak(0));
        assertTrue(breaks(Rule.SOURCE_CLIPPING, "vox/source"), "clipping is in the raw source; no trim undoes it");
        assertEquals(
                List.of(),
                judge(Rule.SOURCE_CLIPPING, "vox/source", 0, Set.of())
                        .orElseThrow()
                        .fix());
    }

    @Test
    void aGainMismatchClearsHalfwayToZero() throws GraphException {
        put("vox/comp", TapPoint.INPUT, Readings.of(-12, -12, -15, -20, 10));
        put("vox/comp", TapPoint.OUTPUT, Readings.of(-12, -12, -15, -19.6, 10));
        Observation o =
                judge(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp", 0, Set.of()).orElseThrow();
        assertTrue(o.direction().clearOf(o.measured(), o.threshold(), o.clearMarginDb()), "0.4 dB is clear of 1 dB");
    }

    @ParameterizedTest(name = "source peak {0} dBFS: clipping {1}")
    @CsvSource({"-0.2, false", "-0.1, true", "0.0, true", "3.0, true"})
    void sourceClipping(double peak, boolean fires) throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.peak(peak));
        assertEquals(fires, breaks(Rule.SOURCE_CLIPPING, "vox/source"));
        if (fires) {
            assertFalse(breaks(Rule.SOURCE_TOO_HOT, "vox/source"), "clipping says it; too-hot stays quiet");
        }
    }

    @ParameterizedTest(name = "source peak {0} dBFS: too quiet {1}")
    @CsvSource({"-17.9, false", "-18.0, false", "-18.1, true", "-40.0, true"})
    void sourceTooQuiet(double peak, boolean fires) throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.peak(peak));
        assertEquals(fires, breaks(Rule.SOURCE_TOO_QUIET, "vox/source"));
    }

    @Test
    void sourceTooQuietWaitsForThreeSecondsOfSignal() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.of(-30, -30, -33, -33, 2.9));
        assertTrue(judge(Rule.SOURCE_TOO_QUIET, "vox/source", 0, Set.of()).isEmpty());
        put("vox/source", TapPoint.OUTPUT, Readings.of(-30, -30, -33, -33, 3.0));
        assertTrue(breaks(Rule.SOURCE_TOO_QUIET, "vox/source"));
    }

    private static MeterReading phrases(double peak, double floor, double signalSeconds, long events) {
        double n = Double.NaN;
        return new MeterReading(
                480000,
                10,
                peak,
                peak,
                -20,
                -20,
                -20,
                peak,
                peak,
                -20,
                0,
                -20,
                -20,
                -20,
                10,
                0,
                0,
                0,
                floor,
                n,
                signalSeconds,
                events);
    }

    @Test
    void aSteadyNoiseFloorTooCloseToThePeakIsNoisyNotQuiet() throws GraphException {
        // Phrases peaking at -10 dBFS with hiss at -45 between them: 35 dB, within the 40 dB margin.
        put("vox/source", TapPoint.OUTPUT, phrases(-10, -45, 10, 12));
        Observation noisy = judge(Rule.SOURCE_NOISY, "vox/source", 0, Set.of()).orElseThrow();
        assertTrue(noisy.breaks());
        assertEquals(35.0, noisy.measured(), 1e-9);
        assertEquals(40.0, noisy.threshold(), 1e-9);
        assertTrue(noisy.message().contains("35.0 dB below its peak (less than 40.0 dB)"), noisy.message());
        assertEquals(List.of(), noisy.fix(), "no gain change fixes noise");
        assertTrue(noisy.suggestion().startsWith("Gain cannot fix noise"), noisy.suggestion());
        assertFalse(breaks(Rule.SOURCE_TOO_QUIET, "vox/source"), "a -10 dBFS source is not too quiet");
        // The same hiss 45 dB down is fine; no floor found (a clean recording) is not judged at all.
        put("vox/source", TapPoint.OUTPUT, phrases(-10, -55, 10, 12));
        assertFalse(breaks(Rule.SOURCE_NOISY, "vox/source"));
        put("vox/source", TapPoint.OUTPUT, phrases(-10, Double.NaN, 10, 12));
        assertTrue(judge(Rule.SOURCE_NOISY, "vox/source", 0, Set.of()).isEmpty());
    }

    @Test
    void tooQuietIsAboutLevelAloneAndSparseMaterialIsJudgedByItsEvents() throws GraphException {
        // A -30 dBFS source over a floor 25 dB down: too quiet (its level) and noisy (its floor), each for its reason
        put("vox/source", TapPoint.OUTPUT, phrases(-30, -55, 10, 12));
        Observation quiet =
                judge(Rule.SOURCE_TOO_QUIET, "vox/source", 0, Set.of()).orElseThrow();
        assertTrue(quiet.breaks());
        assertTrue(quiet.message().contains("below -18.0 dBFS"), quiet.message());
        assertEquals(21.0, quiet.fix().getFirst().changeDb(), 1e-9, "to the -9 dBFS target");
        // Snare hits: 1.2 s of signal in 6 hits is enough to judge; 2 hits are not
        put("vox/source", TapPoint.OUTPUT, phrases(-29, Double.NaN, 1.2, 6));
        assertTrue(breaks(Rule.SOURCE_TOO_QUIET, "vox/source"));
        put("vox/source", TapPoint.OUTPUT, phrases(-29, Double.NaN, 1.2, 2));
        assertTrue(judge(Rule.SOURCE_TOO_QUIET, "vox/source", 0, Set.of()).isEmpty());
    }

    @Test
    void everyObservationSaysWhatItRestsOn() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, phrases(-3, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.INPUT, phrases(-3, Double.NaN, 10, 12));
        for (Observation o : rules.evaluate(graph(0), readings::get, Set.of())) {
            assertTrue(o.evidence().startsWith("measured "), o.rule() + ": " + o.evidence());
            assertTrue(o.evidence().contains("threshold"), o.evidence());
        }
        Observation hot = judge(Rule.SOURCE_TOO_HOT, "vox/source", 0, Set.of()).orElseThrow();
        assertEquals(
                "measured -3.0 dBFS, threshold -6.0 dBFS (above it breaks); judged on the source as it leaves the trim,"
                        + " highest sample peak over the meter's window (3 s live, the whole file in analyze)",
                hot.evidence());
        Observation drive =
                judge(Rule.PLUGIN_INPUT_OVERDRIVE, "vox/comp", 0, Set.of()).orElseThrow();
        assertTrue(drive.evidence().contains("plugin class not reported, judged as analog-modelled"), drive.evidence());
    }

    /** Words written after the readings moved on are those of the readings judged: they read what the rule computed. */
    @Test
    void wordsWrittenLaterAreThoseOfTheTickJudged() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, phrases(-3, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.INPUT, phrases(-3, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.OUTPUT, phrases(-1, Double.NaN, 10, 12));
        SessionGraph g = graph(0);
        List<Observation> now = rules.evaluate(g, readings::get, Set.of());
        List<Observed> unworded = rules.judge(g, readings::get, Set.of(), null, null);
        put("vox/source", TapPoint.OUTPUT, phrases(-20, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.INPUT, phrases(-20, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.OUTPUT, phrases(-20, Double.NaN, 10, 12));
        assertTrue(now.size() >= 4, now.toString());
        assertEquals(now, unworded.stream().map(Observed::worded).toList());
    }

    @Test
    void theTrackersWarningsFromUnwordedObservationsCarryTheEvidenceEvaluateWrites() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, phrases(-3, Double.NaN, 10, 12));
        put("vox/comp", TapPoint.INPUT, phrases(-3, Double.NaN, 10, 12));
        SessionGraph g = graph(0);
        List<Observation> worded = rules.evaluate(g, readings::get, Set.of());
        List<Observed> unworded = rules.judge(g, readings::get, Set.of(), null, null);
        assertEquals(worded, unworded.stream().map(Observed::worded).toList());
        assertTrue(
                unworded.stream()
                        .map(Observed::observation)
                        .allMatch(o -> o.evidence().isEmpty()
                                && o.message().isEmpty()
                                && o.suggestion().isEmpty()),
                "written only when asked");

        WarningTracker eager = new WarningTracker(RuleConfig.defaults());
        WarningTracker lazy = new WarningTracker(RuleConfig.defaults());
        for (double t = 0; t < 1; t += 0.1) {
            assertEquals(eager.update(t, g, worded), lazy.update(t, g, unworded));
        }
        assertTrue(lazy.active().size() >= 2, lazy.active().toString());
        assertEquals(eager.active(), lazy.active());
        assertTrue(
                lazy.active().stream().allMatch(w -> w.evidence().startsWith("measured ")),
                lazy.active().toString());
    }

    @Test
    void noBrokenRuleOffersAFixOfZero() throws GraphException {
        for (double peak = -40; peak <= 3; peak += 0.05) {
            for (String stage : List.of("vox/source", "vox/comp", "master/output")) {
                put(stage, TapPoint.INPUT, phrases(peak, peak - 38, 10, 12));
                put(stage, TapPoint.OUTPUT, phrases(peak, peak - 38, 10, 12));
            }
            for (Observation o : rules.evaluate(graph(0), readings::get, Set.of())) {
                if (o.breaks()) {
                    for (FixStep step : o.fix()) {
                        assertTrue(
                                Math.abs(step.changeDb()) >= 0.1,
                                o.rule() + " at a " + peak + " dBFS peak offers " + step + ": " + o.suggestion());
                    }
                }
            }
        }
    }

    @Test
    void silenceIsNeverJudged() throws GraphException {
        put("vox/source", TapPoint.OUTPUT, Readings.silence());
        put("master/output", TapPoint.OUTPUT, Readings.silence());
        assertEquals(List.of(), rules.evaluate(graph(0), readings::get, Set.of()));
    }

    @ParameterizedTest(name = "plugin adds {0} dB: mismatch {1}")
    @CsvSource({"0.9, false", "1.0, false", "1.1, true", "-1.1, true", "6.0, true"})
    void pluginGainMismatch(double delta, boolean fires) throws GraphException {
        put("vox/comp", TapPoint.INPUT, Readings.of(-12, -12, -15, -20, 10));
        put("vox/comp", TapPoint.OUTPUT, Readings.of(-12 + delta, -12 + delta, -15 + delta, -20 + delta, 10));
        Observation o =
                judge(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp", 0, Set.of()).orElseThrow();
        assertEquals(fires, o.breaks());
        assertEquals(List.of(new FixStep("vox/comp", Decibels.tenth(-delta))), o.fix(), "output change is -delta");
    }

    @ParameterizedTest(name = "plugin input peak {0}, RMS {1}: overdrive {2}")
    @CsvSource({"-6.1, -20, false", "-6.0, -20, false", "-5.9, -20, true", "-8, -12.0, false", "-8, -11.9, true"})
    void pluginInputOverdrive(double peak, double rms, boolean fires) throws GraphException {
        put("vox/comp", TapPoint.INPUT, Readings.of(peak, peak, rms, rms, 10));
        Observation o =
                judge(Rule.PLUGIN_INPUT_OVERDRIVE, "vox/comp", 0, Set.of()).orElseThrow();
        assertEquals(fires, o.breaks());
        assertEquals("vox/trim", o.fix().getFirst().stageId(), "the fix goes upstream");
    }

    @ParameterizedTest(name = "plugin output peak {0}, true peak {1}: hot {2}")
    @CsvSource({"-0.1, -0.1, false", "0.0, 0.0, false", "0.1, 0.1, true", "-0.5, 0.3, true"})
    void pluginOutputHot(double peak, double truePeak, boolean fires) throws GraphException {
        put("vox/comp", TapPoint.OUTPUT, Readings.of(peak, truePeak, peak - 3, peak - 3, 10));
        assertEquals(fires, breaks(Rule.PLUGIN_OUTPUT_HOT, "vox/comp"));
    }

    @Test
    void intentionalSaturationMutesOverdriveAndMismatchOnly() throws GraphException {
        put("vox/comp", TapPoint.INPUT, Readings.of(-3, -3, -8, -8, 10));
        put("vox/comp", TapPoint.OUTPUT, Readings.of(1, 1, 0, 0, 10));
        for (Set<String> marks : List.of(Set.of("vox/comp"), Set.of("vox"))) {
            List<Observation> obs = rules.evaluate(graph(0), readings::get, marks);
            assertTrue(obs.stream()
                    .noneMatch(o -> o.rule() == Rule.PLUGIN_INPUT_OVERDRIVE || o.rule() == Rule.PLUGIN_GAIN_MISMATCH));
            assertTrue(
                    obs.stream().anyMatch(o -> o.rule() == Rule.PLUGIN_OUTPUT_HOT && o.breaks()),
                    "a hot output is still a problem");
        }
        assertTrue(breaks(Rule.PLUGIN_GAIN_MISMATCH, "vox/comp"));
    }

    @Test
    void aDeactivatedPluginIsNotJudged() throws GraphException {
        put("vox/comp", TapPoint.INPUT, Readings.of(-3, -3, -8, -8, 10));
        put("vox/comp", TapPoint.OUTPUT, Readings.of(3, 3, 0, 0, 10));
        SessionGraph g = graph(0);
        Strip vox = g.strip("vox").orElseThrow();
        List<Stage> stages = new java.util.ArrayList<>(vox.stages());
        stages.set(2, stages.get(2).withActive(false));
        SessionGraph off = SessionGraph.of(List.of(
                vox.withStages(stages),
                g.strip("bus").orElseThrow(),
                g.strip("master").orElseThrow()));
        assertTrue(rules.evaluate(off, readings::get, Set.of()).stream()
                .noneMatch(o -> o.stageId().equals("vox/comp")));
    }

    @ParameterizedTest(name = "bus peak {0}: overload {1}")
    @CsvSource({"-0.1, false", "0.0, false", "0.1, true"})
    void busOverload(double peak, boolean fires) throws GraphException {
        put("bus/output", TapPoint.OUTPUT, Readings.peak(peak));
        assertEquals(fires, breaks(Rule.BUS_OVERLOAD, "bus/output"));
        Observation o = judge(Rule.BUS_OVERLOAD, "bus/output", 0, Set.of()).orElseThrow();
        assertTrue(o.suggestion().contains("Vox"), "names the strips feeding the bus: " + o.suggestion());
        assertEquals(
                List.of(new FixStep("vox/fader", Decibels.tenth(-3 - peak))),
                o.fix(),
                "lowers the feeders' faders, not the bus fader");
    }

    @ParameterizedTest(name = "master peak {0}: over {1}, low headroom {2}")
    @CsvSource({"-3.1, false, false", "-3.0, false, false", "-2.9, false, true", "0.0, false, true", "0.1, true, false"
    })
    void masterOverAndHeadroom(double peak, boolean over, boolean lowHeadroom) throws GraphException {
        put("master/output", TapPoint.OUTPUT, Readings.peak(peak));
        assertEquals(over, breaks(Rule.MASTER_OVER_0DBFS, "master/output"));
        assertEquals(lowHeadroom, breaks(Rule.MASTER_LOW_HEADROOM, "master/output"));
    }

    @ParameterizedTest(name = "fader {0} dB: extreme {1}")
    @CsvSource({"6.0, false", "6.1, true", "-20.0, false", "-20.1, true", "0, false"})
    void faderExtreme(double gain, boolean fires) throws GraphException {
        put("vox/fader", TapPoint.INPUT, Readings.peak(-12));
        assertEquals(
                fires,
                judge(Rule.FADER_EXTREME, "vox/fader", gain, Set.of())
                        .orElseThrow()
                        .breaks());
    }
}
