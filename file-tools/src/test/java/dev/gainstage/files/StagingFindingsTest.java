package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Observation;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.StagingRules;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagingFindingsTest {
    private static final MeterReading SILENCE = reading(Double.NaN, Double.NaN, 0, Double.NaN, 0);

    /**
     * A reading with the given peaks, clipping, noise floor and seconds of signal, and an overall RMS 8 dB
     * below the peak, like music; the recent figures equal the whole file's, other figures irrelevant.
     */
    private static MeterReading reading(
            double peak, double truePeak, long clippedRuns, double noiseFloor, double signal) {
        return reading(peak, truePeak, clippedRuns, noiseFloor, signal, peak - 8);
    }

    private static MeterReading reading(
            double peak, double truePeak, long clippedRuns, double noiseFloor, double signal, double overallRms) {
        double nan = Double.NaN;
        return new MeterReading(
                48_000,
                1,
                peak,
                truePeak,
                overallRms,
                nan,
                nan,
                peak,
                truePeak,
                nan,
                nan,
                nan,
                nan,
                overallRms,
                nan,
                0,
                clippedRuns * 2,
                clippedRuns,
                noiseFloor,
                nan,
                signal);
    }

    private static TrackAnalysis track(String name, MeterReading r) {
        return new TrackAnalysis(name, new AudioFormat(48_000, 2, 24, false, r.frames()), r, new LevelSeries(0.1));
    }

    private static Map<String, List<Finding>> analyze(MeterReading stem, MeterReading sum) {
        return StagingFindings.of(List.of(track("s.wav", stem)), track("sum", sum));
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private static List<String> sourceRules(double peak, long clippedRuns, double noiseFloor, double signal) {
        return rules(analyze(reading(peak, peak, clippedRuns, noiseFloor, signal), SILENCE)
                .get("s.wav"));
    }

    @Test
    void sourceThresholds() {
        assertEquals(List.of(), sourceRules(-6.0, 0, -80, 10), "exactly -6 is not too hot");
        assertEquals(List.of("SOURCE_TOO_HOT"), sourceRules(-5.9, 0, -80, 10));
        assertEquals(List.of("SOURCE_CLIPPING"), sourceRules(-0.1, 0, -80, 10), "clipping, not also too hot");
        assertEquals(List.of(), sourceRules(-18.0, 0, -80, 10));
        assertEquals(List.of("SOURCE_TOO_QUIET"), sourceRules(-18.1, 0, -80, 10));
        assertEquals(List.of(), sourceRules(-30, 0, -80, 2.9), "quiet needs 3 s of signal");
        assertEquals(List.of("SOURCE_NOISY"), sourceRules(-12, 0, -51, 10), "a steady floor within 40 dB: noisy");
        assertEquals(List.of(), sourceRules(-12, 0, -53, 10));
        assertEquals(List.of(), sourceRules(Double.NaN, 0, Double.NaN, 0), "silence");
    }

    @Test
    void aRecordingWithoutASteadyFloorIsNotNoisy() {
        // The meter finds no steady floor in a clean recording (see NoiseFloorEstimatorTest): nothing to judge.
        assertEquals(
                List.of(),
                rules(analyze(reading(-12, -12, 0, Double.NaN, 10, -15), SILENCE)
                        .get("s.wav")));
    }

    @Test
    void trimSuggestionAimsAtMinusNine() {
        Finding hot =
                analyze(reading(-2.5, -2.5, 0, -80, 10), SILENCE).get("s.wav").get(0);
        assertEquals(-6.5, hot.fixDb(), 1e-9);
        assertEquals("Lower Trim by 6.5 dB to peak near -9.0 dBFS", hot.advice());
        assertEquals("s.wav \u25B8 Source peaks at -2.5 dBFS (above -6.0 dBFS)", hot.message());
        Finding quiet =
                analyze(reading(-24, -24, 0, -90, 10), SILENCE).get("s.wav").get(0);
        assertEquals(15, quiet.fixDb(), 1e-9);
    }

    @Test
    void masterThresholds() {
        assertEquals(List.of("MASTER_OVER_0DBFS"), master(-0.5, 0.2), "true peak over 0 counts");
        assertEquals(List.of("MASTER_LOW_HEADROOM"), master(-2.9, -2.9));
        assertEquals(List.of(), master(-3.0, -3.0));
        Finding over =
                analyze(SILENCE, reading(1.5, 2.0, 0, -80, 10)).get("sum").get(0);
        assertEquals(-8, over.fixDb(), 1e-9, "the stem's fader, to peak near -6 dBFS");
    }

    private static List<String> master(double peak, double truePeak) {
        return rules(analyze(SILENCE, reading(peak, truePeak, 0, -80, 10)).get("sum"));
    }

    /** A live session's track and master, as the sidecar mirrors them from a DAW. */
    private static SessionGraph liveSession() throws GraphException {
        Strip vox = new Strip(
                "vox",
                "Vox",
                StripKind.AUDIO_TRACK,
                1,
                List.of(
                        stage("vox/source", StageKind.SOURCE),
                        stage("vox/trim", StageKind.TRIM).withGainDb(0),
                        stage("vox/fader", StageKind.FADER).withGainDb(0),
                        stage("vox/output", StageKind.OUTPUT)),
                List.of("master"));
        Strip master = new Strip(
                "master",
                "Master",
                StripKind.MASTER,
                2,
                List.of(stage("master/source", StageKind.SOURCE), stage("master/output", StageKind.OUTPUT)),
                List.of());
        return SessionGraph.of(List.of(vox, master));
    }

    private static Stage stage(String id, StageKind kind) {
        return new Stage(id, kind, id, "", true, OptionalDouble.empty(), "");
    }

    @Test
    void analyzeAndTheLiveRulesRaiseTheSameWarningsForTheSameReadings() throws GraphException {
        List<MeterReading> sources = List.of(
                reading(-12, -12, 0, -80, 10), // well staged
                reading(-3, -2.5, 0, -80, 10), // too hot
                reading(0, 0.4, 4, -80, 10), // clipped
                reading(-25, -25, 0, -80, 10), // too quiet
                reading(-25, -25, 0, -80, 2), // too quiet, but too little signal to say
                reading(-12, -12, 0, -50, 10)); // close to its noise floor
        List<MeterReading> sums = List.of(
                reading(-8, -8, 0, -80, 10), // headroom
                reading(-2, -1.5, 0, -80, 10), // low headroom
                reading(-0.5, 0.3, 0, -80, 10)); // over
        StagingRules live = new StagingRules(RuleConfig.defaults());
        SessionGraph session = liveSession();
        for (MeterReading source : sources) {
            for (MeterReading sum : sums) {
                Map<TapKey, MeterReading> taps = Map.of(
                        new TapKey("vox/source", TapPoint.OUTPUT), source,
                        new TapKey("master/output", TapPoint.OUTPUT), sum);
                List<Observation> raised = live.evaluate(session, taps::get, Set.of()).stream()
                        .filter(Observation::breaks)
                        .toList();
                Map<String, List<Finding>> found = analyze(source, sum);
                String what = "source " + source.samplePeakDbfs() + ", sum " + sum.samplePeakDbfs();
                assertEquals(liveRules(raised, "vox"), rules(found.get("s.wav")), what);
                assertEquals(liveRules(raised, "master"), rules(found.get("sum")), what);
            }
        }
    }

    private static List<String> liveRules(List<Observation> raised, String stripId) {
        return raised.stream()
                .filter(o -> o.stripId().equals(stripId))
                .map(o -> o.rule().name())
                .toList();
    }
}
