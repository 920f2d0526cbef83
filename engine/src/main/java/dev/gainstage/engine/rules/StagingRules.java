package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.Decibels.amount;
import static dev.gainstage.engine.rules.Decibels.change;
import static dev.gainstage.engine.rules.Decibels.level;
import static dev.gainstage.engine.rules.Decibels.tenth;
import static dev.gainstage.engine.rules.TapReadings.hasSignal;

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

/**
 * Judges every stage of a graph against the staging rules, from the latest meter readings. Stateless:
 * the {@link WarningTracker} turns the observations into warnings with hysteresis.
 */
public final class StagingRules {
    private static final String SEP = " \u25B8 "; // "Vox ▸ ACE Compressor"
    /** A noise-floor estimate this far below the overall RMS means quiet passages were measured. */
    private static final double QUIET_PASSAGE_DB = 20.0;

    private final RuleConfig config;

    public StagingRules(RuleConfig config) {
        this.config = config;
    }

    public RuleConfig config() {
        return config;
    }

    /**
     * Whether a source's peaks sit less than {@code marginDb} above its noise floor. The floor only
     * counts when quiet passages were found: on a steady signal the estimate is the signal itself,
     * not its noise. Shared with {@code analyze}, which judges whole files.
     */
    public static boolean closeToNoiseFloor(MeterReading r, double marginDb) {
        boolean floorFound = MeterReading.has(r.noiseFloorDbfs())
                && MeterReading.has(r.overallRmsDbfs())
                && r.noiseFloorDbfs() < r.overallRmsDbfs() - QUIET_PASSAGE_DB;
        return floorFound && r.maxSamplePeakDbfs() - r.noiseFloorDbfs() < marginDb;
    }

    /**
     * @param intentional ids of stages and strips the user marked intentional saturation
     */
    public List<Observation> evaluate(SessionGraph graph, TapReadings readings, Set<String> intentional) {
        return evaluate(graph, readings, intentional, null, null);
    }

    /**
     * @param deltas plugins' in-versus-out loudness over a window; null to judge on the latest
     *               short-term pair alone
     * @param peaks  stages' output peaks over a longer window; null to judge on the meter's 3 s peak
     */
    public List<Observation> evaluate(
            SessionGraph graph,
            TapReadings readings,
            Set<String> intentional,
            LoudnessDeltas deltas,
            RecentPeaks peaks) {
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
                            source(strip, readings, peaks, out);
                        }
                    }
                    case PLUGIN -> {
                        if (stage.active()) {
                            plugin(strip, i, in, outR, muted, deltas, out);
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
                    default -> {}
                }
            }
        }
        return out;
    }

    /**
     * Too hot and too quiet are judged on the source as it leaves the trim, since the trim is where
     * they are fixed; clipping is judged on the raw source, since no trim undoes it.
     */
    private void source(Strip strip, TapReadings readings, RecentPeaks peaks, List<Observation> out) {
        Stage source = strip.firstOfKind(StageKind.SOURCE).orElseThrow();
        MeterReading raw = readings.get(new TapKey(source.id(), TapPoint.OUTPUT));
        if (!hasSignal(raw)) {
            return;
        }
        Stage trim = strip.firstOfKind(StageKind.TRIM).orElse(null);
        MeterReading trimmed = trim == null ? null : readings.get(new TapKey(trim.id(), TapPoint.OUTPUT));
        MeterReading r = hasSignal(trimmed) ? trimmed : raw;
        String judged = r == raw ? source.id() : trim.id();
        double peak = peaks == null ? r.samplePeakDbfs() : peaks.peak(judged);
        if (Double.isNaN(peak)) {
            return; // the window restarted after a change and is still settling: no verdict yet
        }
        String fixStage = trim == null ? "" : trim.id();
        String fixName = trim == null ? "the input gain" : trim.name();
        String where = strip.name() + SEP + source.name();
        double margin = config.clearMarginDb();

        double rawLong = peaks == null ? Double.NaN : peaks.peak(source.id());
        double rawPeak = Double.isNaN(rawLong) ? raw.samplePeakDbfs() : rawLong;
        boolean clipping = rawPeak >= config.sourceClipPeakDbfs();
        out.add(new Observation(
                Rule.SOURCE_CLIPPING,
                strip.id(),
                source.id(),
                rawPeak,
                config.sourceClipPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                clipping,
                where + " clips (peak " + level(rawPeak, "dBFS")
                        + (raw.clippedRuns() > 0 ? ", " + raw.clippedSamples() + " clipped samples" : "") + ")",
                "Clipping is baked into the recording: re-record it lower. A lower " + fixName
                        + " only keeps it from getting worse downstream",
                List.of(),
                margin));

        double toTarget = tenth(config.sourceTargetPeakDbfs() - peak);
        String after = r == raw ? "" : " after " + fixName;
        out.add(new Observation(
                Rule.SOURCE_TOO_HOT,
                strip.id(),
                source.id(),
                peak,
                config.sourceHotPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                !clipping && peak > config.sourceHotPeakDbfs(),
                where + " peaks at " + level(peak, "dBFS") + after + " (above "
                        + level(config.sourceHotPeakDbfs(), "dBFS") + ")",
                "Lower " + fixName + " by " + amount(toTarget) + " to peak near "
                        + level(config.sourceTargetPeakDbfs(), "dBFS"),
                fixAt(fixStage, toTarget),
                margin));

        boolean enoughSignal = r.signalSeconds() >= config.quietMinSignalSeconds();
        boolean quietPeak = peak < config.sourceQuietPeakDbfs();
        boolean noisy = closeToNoiseFloor(r, config.noiseFloorMarginDb());
        if (enoughSignal) {
            out.add(new Observation(
                    Rule.SOURCE_TOO_QUIET,
                    strip.id(),
                    source.id(),
                    peak,
                    config.sourceQuietPeakDbfs(),
                    Direction.BELOW,
                    "dBFS",
                    quietPeak || noisy,
                    where
                            + (quietPeak
                                    ? " peaks at only " + level(peak, "dBFS") + after + " (below "
                                            + level(config.sourceQuietPeakDbfs(), "dBFS") + ")"
                                    : " sits within " + amount(r.maxSamplePeakDbfs() - r.noiseFloorDbfs())
                                            + " of its noise floor"),
                    "Raise " + fixName + " by " + amount(toTarget) + " to peak near "
                            + level(config.sourceTargetPeakDbfs(), "dBFS"),
                    fixAt(fixStage, toTarget),
                    margin));
        }
    }

    private void plugin(
            Strip strip,
            int index,
            MeterReading in,
            MeterReading outR,
            boolean muted,
            LoudnessDeltas deltas,
            List<Observation> out) {
        Stage stage = strip.stages().get(index);
        String where = strip.name() + SEP + stage.name();
        if (hasSignal(in) && !muted) {
            double peak = in.samplePeakDbfs();
            double rms = in.rmsDbfs();
            boolean rmsHot = MeterReading.has(rms) && rms > config.pluginInputRmsDbfs();
            Stage upstream = upstreamGainStage(strip, index);
            double toTarget = tenth(config.sourceTargetPeakDbfs() - peak);
            out.add(new Observation(
                    Rule.PLUGIN_INPUT_OVERDRIVE,
                    strip.id(),
                    stage.id(),
                    peak,
                    config.pluginInputPeakDbfs(),
                    Direction.ABOVE,
                    "dBFS",
                    peak > config.pluginInputPeakDbfs() || rmsHot,
                    where + " input is driven at " + level(peak, "dBFS") + " peak"
                            + (MeterReading.has(rms) ? ", " + level(rms, "dBFS") + " RMS" : ""),
                    upstream == null
                            ? "Lower the level feeding " + stage.name() + " by " + amount(toTarget)
                                    + ", or mark it intentional if you want the drive"
                            : "Lower " + upstream.name() + " by " + amount(toTarget)
                                    + ", or mark it intentional if you want the drive",
                    fixAt(upstream == null ? "" : upstream.id(), toTarget),
                    config.clearMarginDb()));
        }
        if (!hasSignal(outR)) {
            return;
        }
        double outPeak = outR.samplePeakDbfs();
        double outTp = MeterReading.has(outR.truePeakDbtp()) ? outR.truePeakDbtp() : outPeak;
        double worst = Math.max(outPeak, outTp);
        double toCeiling = tenth(-1.0 - worst);
        out.add(new Observation(
                Rule.PLUGIN_OUTPUT_HOT,
                strip.id(),
                stage.id(),
                worst,
                config.pluginOutputPeakDbfs(),
                Direction.ABOVE,
                outTp >= outPeak ? "dBTP" : "dBFS",
                worst > config.pluginOutputPeakDbfs(),
                where + " output peaks at " + level(outPeak, "dBFS") + " (true peak " + level(outTp, "dBTP") + ")",
                "Lower " + stage.name() + "'s output by " + amount(toCeiling) + " to peak at -1 dBTP",
                fixAt(stage.id(), toCeiling),
                config.clearMarginDb()));

        if (!muted
                && hasSignal(in)
                && MeterReading.has(in.shortTermLufs())
                && MeterReading.has(outR.shortTermLufs())
                && in.seconds() >= 3.0) {
            double delta = deltas == null ? outR.shortTermLufs() - in.shortTermLufs() : deltas.delta(stage.id());
            if (Double.isNaN(delta)) {
                return; // the window is still filling: no verdict yet
            }
            double fix = tenth(-delta);
            out.add(new Observation(
                    Rule.PLUGIN_GAIN_MISMATCH,
                    strip.id(),
                    stage.id(),
                    Math.abs(delta),
                    config.pluginMismatchDb(),
                    Direction.ABOVE,
                    "dB",
                    Math.abs(delta) > config.pluginMismatchDb(),
                    where + (delta >= 0 ? " adds " : " removes ") + amount(delta) + " of loudness (in vs out)",
                    (delta >= 0 ? "Lower" : "Raise") + " its output by " + amount(fix)
                            + " so bypassing it is a fair comparison",
                    // |out - in| cannot go below 0: a margin as wide as the threshold would never clear.
                    fixAt(stage.id(), fix),
                    Math.min(config.clearMarginDb(), config.pluginMismatchDb() / 2)));
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
        out.add(new Observation(
                Rule.FADER_EXTREME,
                strip.id(),
                stage.id(),
                gain,
                threshold,
                direction,
                "dB",
                direction.breaks(gain, threshold),
                strip.name() + SEP + stage.name() + " sits at " + change(gain),
                "Bring the fader back towards 0 dB and " + (boost ? "raise" : "lower") + " the gain upstream (Trim) by "
                        + amount(gain) + " instead",
                List.of(),
                config.clearMarginDb()));
    }

    private void bus(SessionGraph graph, Strip strip, Stage stage, MeterReading r, List<Observation> out) {
        if (!hasSignal(r)) {
            return;
        }
        double peak = r.samplePeakDbfs();
        double change = tenth(config.masterHeadroomPeakDbfs() - peak);
        out.add(new Observation(
                Rule.BUS_OVERLOAD,
                strip.id(),
                stage.id(),
                peak,
                config.busPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                peak > config.busPeakDbfs(),
                strip.name() + " sums to " + level(peak, "dBFS") + " (over " + level(config.busPeakDbfs(), "dBFS")
                        + ")",
                "Lower the faders of the strips feeding " + strip.name() + " (" + feederNames(graph, strip) + ") by "
                        + amount(change) + ", not the bus fader",
                feederFaders(graph, strip, change),
                config.clearMarginDb()));
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
        out.add(new Observation(
                Rule.MASTER_OVER_0DBFS,
                strip.id(),
                stage.id(),
                worst,
                config.masterPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                over,
                strip.name() + " peaks at " + level(peak, "dBFS") + " (true peak " + level(tp, "dBTP")
                        + "): over 0 dBFS",
                "Lower the faders of the strips feeding " + strip.name() + " (" + feederNames(graph, strip) + ") by "
                        + amount(change) + " to leave headroom",
                lowerFeeders,
                config.clearMarginDb()));
        out.add(new Observation(
                Rule.MASTER_LOW_HEADROOM,
                strip.id(),
                stage.id(),
                worst,
                config.masterHeadroomPeakDbfs(),
                Direction.ABOVE,
                "dBFS",
                !over && worst > config.masterHeadroomPeakDbfs(),
                strip.name() + " peaks at " + level(worst, "dBFS") + ": less than "
                        + amount(config.masterHeadroomPeakDbfs()) + " of headroom before mastering",
                "Lower the faders of the strips feeding " + strip.name() + " by " + amount(change)
                        + " to leave 3 to 6 dB of headroom",
                lowerFeeders,
                config.clearMarginDb()));
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
