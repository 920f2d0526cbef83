package dev.gainstage.files;

import dev.gainstage.engine.graph.GraphException;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.TapReadings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The stems of {@code analyze} as the live rules see a session: each stem a track whose source reads
 * the whole file, with the unity trim and fader a DAW gives an imported track (not metered: they
 * change nothing, and they give the rules' fixes a control to name), all feeding a master whose
 * output reads the sum. The live rules judge a meter's recent window; for a file the window is the
 * whole file, so each reading's recent peaks and RMS are the file's maxima and overall RMS.
 */
record StemGraph(SessionGraph graph, TapReadings readings, Map<String, String> trackOfStrip) {
    static final String SUM_STRIP = "sum";

    static StemGraph of(List<TrackAnalysis> stems, TrackAnalysis sum) {
        List<Strip> strips = new ArrayList<>();
        Map<TapKey, MeterReading> readings = new HashMap<>();
        Map<String, String> trackOfStrip = new HashMap<>();
        for (int i = 0; i < stems.size(); i++) {
            TrackAnalysis t = stems.get(i);
            String id = "stem" + i;
            strips.add(new Strip(
                    id,
                    t.name(),
                    StripKind.AUDIO_TRACK,
                    graphChannels(t),
                    List.of(
                            stage(id + "/source", StageKind.SOURCE, "Source"),
                            stage(id + "/trim", StageKind.TRIM, "Trim"),
                            stage(id + "/fader", StageKind.FADER, "Fader")),
                    List.of(SUM_STRIP)));
            readings.put(new TapKey(id + "/source", TapPoint.OUTPUT), FileMeter.wholeFile(t.reading()));
            trackOfStrip.put(id, t.name());
        }
        strips.add(new Strip(
                SUM_STRIP,
                sum.name(),
                StripKind.MASTER,
                graphChannels(sum),
                List.of(stage(SUM_STRIP + "/output", StageKind.OUTPUT, "Output")),
                List.of()));
        readings.put(new TapKey(SUM_STRIP + "/output", TapPoint.OUTPUT), FileMeter.wholeFile(sum.reading()));
        trackOfStrip.put(SUM_STRIP, sum.name());
        try {
            return new StemGraph(SessionGraph.of(strips), readings::get, Map.copyOf(trackOfStrip));
        } catch (GraphException e) {
            throw new IllegalStateException("the stems' graph is built with unique ids: " + e.getMessage(), e);
        }
    }

    private static Stage stage(String id, StageKind kind, String name) {
        OptionalDouble unity =
                kind == StageKind.SOURCE || kind == StageKind.OUTPUT ? OptionalDouble.empty() : OptionalDouble.of(0);
        return new Stage(id, kind, name, "", true, unity, "");
    }

    /** The graph holds up to 8 channels a strip; the rules do not look at the count, so wider files are capped. */
    private static int graphChannels(TrackAnalysis t) {
        return Math.min(Math.max(t.format().channels(), 1), 8);
    }
}
