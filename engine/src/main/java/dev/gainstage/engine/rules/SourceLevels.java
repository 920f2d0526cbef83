package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * A track's source levels as the three source rules judge them. Too hot and too quiet are judged on
 * the source as it leaves the trim, since the trim is where they are fixed; clipping is judged on the
 * raw source, since no trim undoes it.
 *
 * @param judged   the reading too hot and too quiet are judged on: after the trim when it is measured
 * @param peak     the judged peak, over the longer window when there is one
 * @param rawPeak  the raw source's peak, over the longer window when there is one
 */
record SourceLevels(Stage source, MeterReading raw, Stage trim, MeterReading judged, double peak, double rawPeak) {
    /** Empty for any stage but a track's source, for silence, and while the window settles after a change. */
    static Optional<SourceLevels> of(StageContext c) {
        if (c.stage().kind() != StageKind.SOURCE || !c.strip().kind().isTrack()) {
            return Optional.empty();
        }
        Stage source = c.strip().firstOfKind(StageKind.SOURCE).orElseThrow();
        MeterReading raw = c.reading(source, TapPoint.OUTPUT);
        if (!hasSignal(raw)) {
            return Optional.empty();
        }
        Stage trim = c.strip().firstOfKind(StageKind.TRIM).orElse(null);
        MeterReading trimmed = trim == null ? null : c.reading(trim, TapPoint.OUTPUT);
        MeterReading r = hasSignal(trimmed) ? trimmed : raw;
        String judgedId = r == raw ? source.id() : trim.id();
        double peak = c.peaks() == null ? r.samplePeakDbfs() : c.peaks().peak(judgedId);
        if (Double.isNaN(peak)) {
            return Optional.empty(); // the window restarted after a change and is still settling: no verdict yet
        }
        double rawLong =
                c.peaks() == null ? Double.NaN : r == raw ? peak : c.peaks().peak(source.id());
        double rawPeak = Double.isNaN(rawLong) ? raw.samplePeakDbfs() : rawLong;
        return Optional.of(new SourceLevels(source, raw, trim, r, peak, rawPeak));
    }

    boolean afterTrim() {
        return judged != raw;
    }

    /** Whether the raw source clips: then it is not also "too hot", the clipping says more. */
    boolean clipping(RuleConfig config) {
        return rawPeak >= config.sourceClipPeakDbfs();
    }

    /** The stage a level fix goes to, "" when the strip has no trim. */
    String fixStage() {
        return trim == null ? "" : trim.id();
    }

    String inputGain() {
        return RuleWording.inputGain(trim);
    }

    /** The change that brings the judged peak to the target. */
    double toTarget(RuleConfig config) {
        return Decibels.tenth(config.sourceTargetPeakDbfs() - peak);
    }
}
