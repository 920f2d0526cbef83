package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/**
 * The master's output as the two master rules judge it: the worse of the sample and true peak, the
 * level a converter or codec will actually see.
 *
 * @param change how much the master's level must come down
 */
record MasterLevels(double peak, double truePeak, double worst, double change, SumFix fix) {
    /** Empty for any stage but the master's output, and for silence. */
    static Optional<MasterLevels> of(StageContext c) {
        if (!c.isOutputOf(StripKind.MASTER)) {
            return Optional.empty();
        }
        MeterReading r = c.output();
        if (!hasSignal(r)) {
            return Optional.empty();
        }
        double peak = r.samplePeakDbfs();
        double tp = MeterReading.has(r.truePeakDbtp()) ? r.truePeakDbtp() : peak;
        double worst = Math.max(peak, tp);
        // Aim for the middle of the pre-mastering headroom target: 3 dB below the low-headroom line.
        double change = Decibels.tenth(c.config().masterHeadroomPeakDbfs() - 3.0 - worst);
        return Optional.of(new MasterLevels(peak, tp, worst, change, SumFix.of(c, change)));
    }

    /**
     * The master rules' observation: measured on the worst peak, fixed by the {@link SumFix}: the master's own
     * added gain first, then the faders of the strips that make it loud.
     */
    Observed observation(Rule rule, StageContext c, double threshold, boolean breaks, Wording wording) {
        return Observation.unworded(
                c,
                rule,
                c.stage().id(),
                worst,
                threshold,
                Direction.ABOVE,
                "dBFS",
                breaks,
                fix.steps(),
                c.config().clearMarginDb(),
                wording);
    }

    /** Over full scale: then it is not also "low headroom", the over says more. */
    boolean over(RuleConfig config) {
        return worst > config.masterPeakDbfs();
    }
}
