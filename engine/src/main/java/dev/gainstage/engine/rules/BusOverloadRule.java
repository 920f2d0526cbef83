package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.TapReadings.hasSignal;

import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.metering.MeterReading;
import java.util.Optional;

/** BUS_OVERLOAD: everything sent to a bus sums to more than full scale. */
public final class BusOverloadRule implements StagingRule {
    @Override
    public Rule id() {
        return Rule.BUS_OVERLOAD;
    }

    @Override
    public Optional<Observed> evaluate(StageContext c) {
        MeterReading r = c.output();
        if (!c.isOutputOf(StripKind.BUS) || !hasSignal(r)) {
            return Optional.empty();
        }
        RuleConfig config = c.config();
        double peak = r.samplePeakDbfs();
        double change = Decibels.tenth(config.masterHeadroomPeakDbfs() - peak);
        SumFix fix = SumFix.of(c, change);
        return Optional.of(Observation.unworded(
                c,
                id(),
                c.stage().id(),
                peak,
                config.busPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                peak > config.busPeakDbfs(),
                fix.steps(),
                config.clearMarginDb(),
                () -> new Wording.Words(
                        RuleWording.busOverload(c.strip(), peak, config.busPeakDbfs()),
                        RuleWording.sumFixSuggestion(c.strip(), fix, "below full scale"))));
    }
}
