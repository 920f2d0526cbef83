package dev.gainstage.engine.rules;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.StageKind;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.graph.StripKind;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.graph.TapPoint;
import dev.gainstage.engine.metering.MeterReading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.gainstage.engine.rules.Decibels.amount;
import static dev.gainstage.engine.rules.Decibels.change;
import static dev.gainstage.engine.rules.Decibels.level;
import static dev.gainstage.engine.rules.Decibels.tenth;
import static dev.gainstage.engine.rules.TapReadings.hasSignal;

/**
 * Judges every stage of a graph against the staging rules, from the latest meter readings. Stateless:
 * the {@link WarningTracker} turns the observations into warnings with hysteresis.
 */
public final class StagingRules {
    private static final String SEP = " \u25B8 "; // "Vox ▸ ACE Compressor"

    private final RuleConfig config;

    public StagingRules(RuleConfig config) {
        this.config = config;
    }

    public RuleConfig config() {
        return config;
    }

    /**
     * @param intentional ids of stages and strips the user marked intentional saturation
     */
    public List<Observation> evaluate(SessionGraph graph, TapReadings readings, Set<String> intentional) {
        List<Observation> out = new ArrayList<>();
        for (Strip strip : graph.strips()) {
            boolean stripIntentional = intentional.contains(strip.id());
            for (int i = 0; i < strip.stages().size(); i++) {
                Stage stage = strip.stages().get(i);
                MeterReading in = readings.get(new TapKey(stage.id(), TapPoint.INPUT));
                MeterReading outR = readings.get(new TapKey(stage.id(), TapPoint.OUTPUT));
                boolean muted = stripIntentional || intentional.contains(stage.id());
                switch (stage.kind()) {
                    case SOURCE -> {
                        if (strip.kind().isTrack()) {
                            source(strip, outR, out);
                        }
                    }
                    case PLUGIN -> {
                        if (stage.active()) {
                            plugin(strip, i, in, outR, muted, out);
                        }
                    }
                    case FADER -> fader(strip, stage, in, out);
                    case OUTPUT -> {
                        if (strip.kind() == StripKind.BUS) {
                            bus(graph, strip, stage, outR, out);
                        } else if (strip.kind() == StripKind.MASTER) {
                            master(graph, strip, stage, outR, out);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    private void source(Strip strip, MeterReading r, List<Observation> out) {
        if (!hasSignal(r)) {
            return;
        }
        Stage source = strip.firstOfKind(StageKind.SOURCE).orElseThrow();
        Stage fixAt = strip.firstOfKind(StageKind.TRIM).orElse(source);
        String fixStage = fixAt.kind() == StageKind.TRIM ? fixAt.id() : "";
        double peak = r.samplePeakDbfs();
        double toTarget = tenth(config.sourceTargetPeakDbfs() - peak);
        String where = strip.name() + SEP + source.name();

        // The recent peak covers clipped runs too (a clipped sample is at 0 dBFS), and unlike the run
        // count, which is cumulative, it lets the warning clear once the clipping part has passed.
        boolean clipping = peak >= config.sourceClipPeakDbfs();
        out.add(new Observation(Rule.SOURCE_CLIPPING, strip.id(), source.id(), peak, config.sourceClipPeakDbfs(),
                Direction.ABOVE, "dBFS", clipping,
                where + " clips (peak " + level(peak, "dBFS") + (r.clippedRuns() > 0 ? ", " + r.clippedSamples()
                        + " clipped samples" : "") + ")",
                "Clipping is baked into the recording: re-record lower, or lower " + fixAt.name() + " by "
                        + amount(toTarget) + " so nothing downstream makes it worse",
                fixAt(fixStage, toTarget)));

        out.add(new Observation(Rule.SOURCE_TOO_HOT, strip.id(), source.id(), peak, config.sourceHotPeakDbfs(),
                Direction.ABOVE, "dBFS", !clipping && peak > config.sourceHotPeakDbfs(),
                where + " peaks at " + level(peak, "dBFS") + " (above " + level(config.sourceHotPeakDbfs(), "dBFS") + ")",
                "Lower " + fixAt.name() + " by " + amount(toTarget) + " to peak near "
                        + level(config.sourceTargetPeakDbfs(), "dBFS"),
                fixAt(fixStage, toTarget)));

        boolean enoughSignal = r.signalSeconds() >= config.quietMinSignalSeconds();
        boolean quietPeak = peak < config.sourceQuietPeakDbfs();
        boolean noisy = MeterReading.has(r.noiseFloorDbfs()) && r.maxSamplePeakDbfs() - r.noiseFloorDbfs() < config.noiseFloorMarginDb();
        if (enoughSignal) {
            out.add(new Observation(Rule.SOURCE_TOO_QUIET, strip.id(), source.id(), peak, config.sourceQuietPeakDbfs(),
                    Direction.BELOW, "dBFS", quietPeak || noisy,
                    where + (quietPeak ? " peaks at only " + level(peak, "dBFS") + " (below "
                            + level(config.sourceQuietPeakDbfs(), "dBFS") + ")"
                            : " sits within " + amount(r.maxSamplePeakDbfs() - r.noiseFloorDbfs()) + " of its noise floor"),
                    "Raise " + fixAt.name() + " by " + amount(toTarget) + " to peak near "
                            + level(config.sourceTargetPeakDbfs(), "dBFS"),
                    fixAt(fixStage, toTarget)));
        }
    }

    private void plugin(Strip strip, int index, MeterReading in, MeterReading outR, boolean muted, List<Observation> out) {
        Stage stage = strip.stages().get(index);
        String where = strip.name() + SEP + stage.name();
        if (hasSignal(in) && !muted) {
            double peak = in.samplePeakDbfs();
            double rms = in.rmsDbfs();
            boolean rmsHot = MeterReading.has(rms) && rms > config.pluginInputRmsDbfs();
            Stage upstream = upstreamGainStage(strip, index);
            double toTarget = tenth(config.sourceTargetPeakDbfs() - peak);
            out.add(new Observation(Rule.PLUGIN_INPUT_OVERDRIVE, strip.id(), stage.id(), peak, config.pluginInputPeakDbfs(),
                    Direction.ABOVE, "dBFS", peak > config.pluginInputPeakDbfs() || rmsHot,
                    where + " input is driven at " + level(peak, "dBFS") + " peak"
                            + (MeterReading.has(rms) ? ", " + level(rms, "dBFS") + " RMS" : ""),
                    upstream == null ? "Lower the level feeding " + stage.name() + " by " + amount(toTarget)
                            + ", or mark it intentional if you want the drive"
                            : "Lower " + upstream.name() + " by " + amount(toTarget)
                            + ", or mark it intentional if you want the drive",
                    fixAt(upstream == null ? "" : upstream.id(), toTarget)));
        }
        if (!hasSignal(outR)) {
            return;
        }
        double outPeak = outR.samplePeakDbfs();
        double outTp = MeterReading.has(outR.truePeakDbtp()) ? outR.truePeakDbtp() : outPeak;
        double worst = Math.max(outPeak, outTp);
        double toCeiling = tenth(-1.0 - worst);
        out.add(new Observation(Rule.PLUGIN_OUTPUT_HOT, strip.id(), stage.id(), worst, config.pluginOutputPeakDbfs(),
                Direction.ABOVE, outTp >= outPeak ? "dBTP" : "dBFS", worst > config.pluginOutputPeakDbfs(),
                where + " output peaks at " + level(outPeak, "dBFS") + " (true peak " + level(outTp, "dBTP") + ")",
                "Lower " + stage.name() + "'s output by " + amount(toCeiling) + " to peak at -1 dBTP",
                fixAt(stage.id(), toCeiling)));

        if (!muted && hasSignal(in) && MeterReading.has(in.shortTermLufs()) && MeterReading.has(outR.shortTermLufs())
                && in.seconds() >= 3.0) {
            double delta = outR.shortTermLufs() - in.shortTermLufs();
            double fix = tenth(-delta);
            out.add(new Observation(Rule.PLUGIN_GAIN_MISMATCH, strip.id(), stage.id(), Math.abs(delta),
                    config.pluginMismatchDb(), Direction.ABOVE, "dB", Math.abs(delta) > config.pluginMismatchDb(),
                    where + (delta >= 0 ? " adds " : " removes ") + amount(delta)
                            + " of loudness (short-term, in vs out)",
                    (delta >= 0 ? "Lower" : "Raise") + " its output by " + amount(fix)
                            + " so bypassing it is a fair comparison",
                    fixAt(stage.id(), fix)));
        }
    }

    /** The nearest stage before {@code index} whose gain the user can set (an active plugin or the trim). */
    private static Stage upstreamGainStage(Strip strip, int index) {
        for (int i = index - 1; i >= 0; i--) {
            Stage s = strip.stages().get(i);
            if (s.kind() == StageKind.TRIM || (s.kind() == StageKind.PLUGIN && s.active())) {
                return s;
            }
        }
        return null;
    }

    private void fader(Strip strip, Stage stage, MeterReading in, List<Observation> out) {
        if (stage.gainDb().isEmpty() || !hasSignal(in)) {
            return;
        }
        double gain = stage.gainDb().getAsDouble();
        boolean boost = gain > 0;
        double threshold = boost ? config.faderMaxDb() : config.faderMinDb();
        Direction direction = boost ? Direction.ABOVE : Direction.BELOW;
        out.add(new Observation(Rule.FADER_EXTREME, strip.id(), stage.id(), gain, threshold, direction, "dB",
                direction.breaks(gain, threshold),
                strip.name() + SEP + stage.name() + " sits at " + change(gain),
                "Bring the fader back towards 0 dB and " + (boost ? "raise" : "lower")
                        + " the gain upstream (Trim) by " + amount(gain) + " instead",
                List.of()));
    }

    private void bus(SessionGraph graph, Strip strip, Stage stage, MeterReading r, List<Observation> out) {
        if (!hasSignal(r)) {
            return;
        }
        double peak = r.samplePeakDbfs();
        double change = tenth(config.masterHeadroomPeakDbfs() - peak);
        out.add(new Observation(Rule.BUS_OVERLOAD, strip.id(), stage.id(), peak, config.busPeakDbfs(), Direction.ABOVE,
                "dBFS", peak > config.busPeakDbfs(),
                strip.name() + " sums to " + level(peak, "dBFS") + " (over " + level(config.busPeakDbfs(), "dBFS") + ")",
                "Lower the faders of the strips feeding " + strip.name() + " (" + feederNames(graph, strip) + ") by "
                        + amount(change) + ", not the bus fader",
                feederFaders(graph, strip, change)));
    }

    private void master(SessionGraph graph, Strip strip, Stage stage, MeterReading r, List<Observation> out) {
        if (!hasSignal(r)) {
            return;
        }
        double peak = r.samplePeakDbfs();
        double tp = MeterReading.has(r.truePeakDbtp()) ? r.truePeakDbtp() : peak;
        double worst = Math.max(peak, tp);
        boolean over = worst > config.masterPeakDbfs();
        // Aim for the middle of the pre-mastering headroom target: 3 dB below the low-headroom line.
        double change = tenth(config.masterHeadroomPeakDbfs() - 3.0 - worst);
        List<FixStep> lowerFeeders = feederFaders(graph, strip, change);
        out.add(new Observation(Rule.MASTER_OVER_0DBFS, strip.id(), stage.id(), worst, config.masterPeakDbfs(),
                Direction.ABOVE, "dBFS", over,
                strip.name() + " peaks at " + level(peak, "dBFS") + " (true peak " + level(tp, "dBTP") + "): over 0 dBFS",
                "Lower the faders of the strips feeding " + strip.name() + " (" + feederNames(graph, strip) + ") by "
                        + amount(change) + " to leave headroom",
                lowerFeeders));
        out.add(new Observation(Rule.MASTER_LOW_HEADROOM, strip.id(), stage.id(), worst, config.masterHeadroomPeakDbfs(),
                Direction.ABOVE, "dBFS", !over && worst > config.masterHeadroomPeakDbfs(),
                strip.name() + " peaks at " + level(worst, "dBFS") + ": less than "
                        + amount(config.masterHeadroomPeakDbfs()) + " of headroom before mastering",
                "Lower the faders of the strips feeding " + strip.name() + " by " + amount(change)
                        + " to leave 3 to 6 dB of headroom",
                lowerFeeders));
    }

    private static List<FixStep> fixAt(String stageId, double changeDb) {
        return stageId.isEmpty() ? List.of() : List.of(new FixStep(stageId, changeDb));
    }

    /** Lowering the faders of everything feeding a bus or the master: its own fader would only hide the problem. */
    private static List<FixStep> feederFaders(SessionGraph graph, Strip strip, double changeDb) {
        List<FixStep> steps = new ArrayList<>();
        for (Strip feeder : graph.feeders(strip.id())) {
            feeder.firstOfKind(StageKind.FADER).ifPresent(f -> steps.add(new FixStep(f.id(), changeDb)));
        }
        return steps;
    }

    private static String feederNames(SessionGraph graph, Strip strip) {
        List<Strip> feeders = graph.feeders(strip.id());
        return feeders.isEmpty() ? "none" : feeders.stream().map(Strip::name).collect(Collectors.joining(", "));
    }
}
