package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;
import java.util.ArrayList;
import java.util.List;

/**
 * How a bus or the master that sums too hot is fixed, root cause first: gain the summing strip adds itself (its trim
 * above 0 dB) goes first; then the faders of the strips that make the sum loud, never those that barely contribute
 * (more than {@value #CONTRIBUTION_DB} dB under the loudest feeder) nor a strip that is itself too quiet. Its own
 * fader would only hide the problem from its meter.
 *
 * @param ownTrim the summing strip's trim when the fix lowers it, else null
 * @param feeders the strips whose faders the fix lowers
 */
record SumFix(List<FixStep> steps, Stage ownTrim, List<Strip> feeders, double feederChangeDb) {
    /** Feeders whose output is this far under the loudest one's do not make the sum hot. */
    static final double CONTRIBUTION_DB = 12;

    /** The fix that lowers the sum at {@code c}'s stage by {@code changeDb} (negative). */
    static SumFix of(StageContext c, double changeDb) {
        List<FixStep> steps = new ArrayList<>();
        double rest = changeDb;
        Stage trim = c.strip().firstOfKind(StageKind.TRIM).orElse(null);
        Stage ownTrim = null;
        if (trim != null && trim.gainDb().isPresent() && trim.gainDb().getAsDouble() > 0 && rest < 0) {
            double cut = Decibels.tenth(Math.max(rest, -trim.gainDb().getAsDouble()));
            steps.add(new FixStep(trim.id(), cut));
            ownTrim = trim;
            rest = Decibels.tenth(rest - cut);
        }
        List<Strip> lowered = new ArrayList<>();
        if (rest <= -0.1) {
            for (Strip feeder : contributors(c)) {
                Stage fader = feeder.firstOfKind(StageKind.FADER).orElse(null);
                if (fader != null) {
                    lowered.add(feeder);
                    steps.add(new FixStep(fader.id(), rest));
                }
            }
        }
        return new SumFix(steps, ownTrim, lowered, rest);
    }

    /** The feeders that make the sum loud and are not too quiet themselves; all feeders when none was measured. */
    private static List<Strip> contributors(StageContext c) {
        List<Strip> feeders = c.graph().feeders(c.strip().id());
        double loudest = Double.NEGATIVE_INFINITY;
        for (Strip f : feeders) {
            loudest = Math.max(loudest, outputPeak(c, f));
        }
        if (loudest == Double.NEGATIVE_INFINITY) {
            return feeders;
        }
        List<Strip> out = new ArrayList<>();
        for (Strip f : feeders) {
            double peak = outputPeak(c, f);
            if (peak >= loudest - CONTRIBUTION_DB && peak >= c.config().sourceQuietPeakDbfs()) {
                out.add(f);
            }
        }
        return out;
    }

    private static double outputPeak(StageContext c, Strip strip) {
        Stage out = strip.firstOfKind(StageKind.OUTPUT).orElse(null);
        MeterReading r = out == null ? null : c.reading(out, TapPoint.OUTPUT);
        return hasSignal(r) ? r.samplePeakDbfs() : Double.NEGATIVE_INFINITY;
    }
}
