package dev.gainstage.engine.rules;

import static dev.gainstage.engine.rules.Decibels.amount;
import static dev.gainstage.engine.rules.Decibels.change;
import static dev.gainstage.engine.rules.Decibels.level;

import dev.gainstage.engine.graph.Stage;
import dev.gainstage.engine.graph.Strip;
import java.util.List;

/**
 * Every word the staging rules say: each rule's message (what was measured) and suggestion (what to
 * do), in one place so they can be read, reviewed and changed together, apart from the logic that
 * decides when they are said. Numbers come in already computed; nothing here decides anything.
 */
public final class RuleWording {
    private static final String SEP = " \u25B8 "; // "Vox ▸ ACE Compressor"

    private RuleWording() {}

    /** Where a problem is, as the panel names it: "Vox ▸ ACE Compressor". */
    public static String where(Strip strip, Stage stage) {
        return strip.name() + SEP + stage.name();
    }

    /** The control a source's level is fixed with: its trim, or the input gain where there is none. */
    static String inputGain(Stage trim) {
        return trim == null ? "the input gain" : trim.name();
    }

    static String sourceClips(String where, double rawPeakDbfs, long clippedRuns, long clippedSamples) {
        return where + " clips (peak " + level(rawPeakDbfs, "dBFS")
                + (clippedRuns > 0 ? ", " + clippedSamples + " clipped samples" : "") + ")";
    }

    static String sourceClipsSuggestion(String inputGain) {
        return "Clipping is baked into the recording: re-record it lower. A lower " + inputGain
                + " only keeps it from getting worse downstream";
    }

    /** @param afterTrim whether the peak was measured after the trim rather than on the raw source */
    static String sourceTooHot(String where, double peakDbfs, boolean afterTrim, String inputGain, double hotDbfs) {
        return where + " peaks at " + level(peakDbfs, "dBFS") + after(afterTrim, inputGain) + " (above "
                + level(hotDbfs, "dBFS") + ")";
    }

    static String sourceTooHotSuggestion(String inputGain, double changeDb, double targetDbfs) {
        return "Lower " + inputGain + " by " + amount(changeDb) + " to peak near " + level(targetDbfs, "dBFS");
    }

    static String sourceQuietPeak(
            String where, double peakDbfs, boolean afterTrim, String inputGain, double quietDbfs) {
        return where + " peaks at only " + level(peakDbfs, "dBFS") + after(afterTrim, inputGain) + " (below "
                + level(quietDbfs, "dBFS") + ")";
    }

    static String sourceNoisy(String where, double floorDbfs, double peakAboveFloorDb, double marginDb) {
        return where + " has a steady noise floor at " + level(floorDbfs, "dBFS") + ", only " + amount(peakAboveFloorDb)
                + " below its peak (less than " + amount(marginDb) + ")";
    }

    static String sourceNoisySuggestion() {
        return "Gain cannot fix noise: it raises the noise with the signal. Re-record with less noise"
                + " (gain at the preamp, not later; a quieter room), or clean it: a gate or expander between"
                + " phrases, a denoiser";
    }

    static String sourceTooQuietSuggestion(String inputGain, double changeDb, double targetDbfs) {
        return "Raise " + inputGain + " by " + amount(changeDb) + " to peak near " + level(targetDbfs, "dBFS");
    }

    private static String after(boolean afterTrim, String inputGain) {
        return afterTrim ? " after " + inputGain : "";
    }

    /**
     * @param rmsDbfs NaN when the input's RMS is not known yet
     * @param calibration how the plugin's input was judged ({@link #calibration})
     */
    static String pluginInputOverdrive(String where, double peakDbfs, double rmsDbfs, String calibration) {
        return where + " input is driven at " + level(peakDbfs, "dBFS") + " peak"
                + (Double.isNaN(rmsDbfs) ? "" : ", " + level(rmsDbfs, "dBFS") + " RMS") + " (" + calibration + ")";
    }

    /** How a plugin's input drive is judged, in words: which calibration, and why. */
    static String calibration(Stage plugin, RuleConfig config) {
        String kind = plugin.pluginCategory().isEmpty() ? "" : plugin.pluginCategory() + ", ";
        return switch (plugin.pluginClass()) {
            case SATURATION ->
                kind + "analog-modelled: 0 VU = -18 dBFS RMS, over " + level(config.pluginInputRmsDbfs(), "dBFS")
                        + " RMS or " + level(config.pluginInputPeakDbfs(), "dBFS") + " peak is driven";
            case UNKNOWN ->
                "plugin class not reported, judged as analog-modelled: over "
                        + level(config.pluginInputRmsDbfs(), "dBFS") + " RMS or "
                        + level(config.pluginInputPeakDbfs(), "dBFS") + " peak is driven";
            default ->
                kind + "digital: only over " + level(config.pluginDigitalInputPeakDbfs(), "dBFS")
                        + " peak is driven, where fixed-point processing clips";
        };
    }

    /** @param upstream the stage to lower, null when nothing before the plugin has a gain control */
    static String pluginInputOverdriveSuggestion(Stage plugin, Stage upstream, double changeDb) {
        return (upstream == null
                        ? "Lower the level feeding " + plugin.name() + " by " + amount(changeDb)
                        : "Lower " + upstream.name() + " by " + amount(changeDb))
                + ", or mark it intentional if you want the drive";
    }

    static String pluginOutputHot(String where, double peakDbfs, double truePeakDbtp) {
        return where + " output peaks at " + level(peakDbfs, "dBFS") + " (true peak " + level(truePeakDbtp, "dBTP")
                + ")";
    }

    static String pluginOutputHotSuggestion(Stage plugin, double changeDb) {
        return "Lower " + plugin.name() + "'s output by " + amount(changeDb) + " to peak at -1 dBTP";
    }

    /** @param deltaDb out minus in */
    static String pluginGainMismatch(String where, double deltaDb) {
        return where + (deltaDb >= 0 ? " adds " : " removes ") + amount(deltaDb) + " of loudness (in vs out)";
    }

    static String pluginGainMismatchSuggestion(double deltaDb, double changeDb) {
        return (deltaDb >= 0 ? "Lower" : "Raise") + " its output by " + amount(changeDb)
                + " so bypassing it is a fair comparison";
    }

    static String faderExtreme(String where, double gainDb) {
        return where + " sits at " + change(gainDb);
    }

    static String faderExtremeSuggestion(double gainDb) {
        return "Bring the fader back towards 0 dB and " + (gainDb > 0 ? "raise" : "lower")
                + " the gain upstream (Trim) by " + amount(gainDb) + " instead";
    }

    static String busOverload(Strip bus, double peakDbfs, double busDbfs) {
        return bus.name() + " sums to " + level(peakDbfs, "dBFS") + " (over " + level(busDbfs, "dBFS") + ")";
    }

    static String masterOver0dBfs(Strip master, double peakDbfs, double truePeakDbtp) {
        return master.name() + " peaks at " + level(peakDbfs, "dBFS") + " (true peak " + level(truePeakDbtp, "dBTP")
                + "): over 0 dBFS";
    }

    static String masterLowHeadroom(Strip master, double peakDbfs, double headroomDbfs) {
        return master.name() + " peaks at " + level(peakDbfs, "dBFS") + ": less than " + amount(headroomDbfs)
                + " of headroom before mastering";
    }

    /** What a {@link SumFix} does, root cause first: the sum's own added gain, then the loud feeders' faders. */
    static String sumFixSuggestion(Strip sum, SumFix fix, String goal) {
        List<String> parts = new java.util.ArrayList<>();
        if (fix.ownTrim() != null) {
            double cut = fix.steps().getFirst().changeDb();
            parts.add("Lower " + sum.name() + "'s " + fix.ownTrim().name() + " by " + amount(cut) + " (it adds "
                    + change(fix.ownTrim().gainDb().orElse(0)) + ")");
        }
        if (!fix.feeders().isEmpty()) {
            parts.add((parts.isEmpty() ? "Lower" : "then lower") + " the faders of the strips that make " + sum.name()
                    + " loud (" + names(fix.feeders()) + ") by " + amount(fix.feederChangeDb()));
        } else if (parts.isEmpty()) {
            parts.add("Lower the level feeding " + sum.name() + " by " + amount(fix.feederChangeDb()));
        }
        return String.join(", ", parts) + " " + goal
                + (fix.feeders().isEmpty() ? "" : "; not " + sum.name() + "'s own fader, which would only hide it");
    }

    /** A warning whose fix another warning's one change on the same control covers. */
    static String fixCoveredBy(String suggestion, Warning carrier) {
        return suggestion + " (one change covers this: the fix for \"" + title(carrier.rule()) + "\" on "
                + carrier.stripName() + SEP + carrier.stageName() + ")";
    }

    /** What a verdict rests on: the reading and window judged, the numbers against the threshold, the calibration. */
    static String evidence(Observation o, StageContext c) {
        String longWindow = c.peaks() == null ? "the meter's window (3 s live, the whole file in analyze)" : "10 s";
        String judged = switch (o.rule()) {
            case SOURCE_TOO_HOT, SOURCE_TOO_QUIET ->
                "the source as it leaves the trim, highest sample peak over " + longWindow;
            case SOURCE_CLIPPING -> "the raw source, highest sample peak over " + longWindow + ", and its clipped runs";
            case SOURCE_NOISY ->
                "the raw source since the start: its steady noise floor (the level its gaps return"
                        + " to) against its highest peak";
            case PLUGIN_GAIN_MISMATCH ->
                "short-term loudness (3 s) out minus in, averaged over "
                        + (c.deltas() == null ? "the latest pair" : "10 s");
            case PLUGIN_INPUT_OVERDRIVE ->
                "the plugin's input: sample peak over 3 s, RMS over 400 ms; " + calibration(c.stage(), c.config());
            case PLUGIN_OUTPUT_HOT -> "the plugin's output: sample and true peak over 3 s";
            case BUS_OVERLOAD -> "the bus's output: sample peak over 3 s";
            case MASTER_OVER_0DBFS, MASTER_LOW_HEADROOM ->
                "the master's output: the worse of sample and true peak" + " over 3 s";
            case FADER_EXTREME -> "the fader's setting, while signal passes";
        };
        return "measured " + level(o.measured(), o.unit()) + ", threshold " + level(o.threshold(), o.unit()) + " ("
                + (o.direction() == Direction.ABOVE ? "above" : "below") + " it breaks); judged on " + judged;
    }

    /** A warning that follows from another: fix the root first; its own suggestion only if it still holds then. */
    static String followsFrom(Warning root, String suggestion) {
        String first = "Follows from \"" + title(root.rule()) + "\" on " + root.stripName() + SEP + root.stageName()
                + ": fix that first";
        return suggestion.isEmpty()
                ? first
                : first + "; if this still holds then, " + Character.toLowerCase(suggestion.charAt(0))
                        + suggestion.substring(1);
    }

    /** A rule in words, as a mix engineer names the problem. */
    public static String title(Rule rule) {
        return switch (rule) {
            case SOURCE_TOO_HOT -> "source too hot";
            case SOURCE_CLIPPING -> "source clipping";
            case SOURCE_TOO_QUIET -> "source too quiet";
            case SOURCE_NOISY -> "noisy source";
            case PLUGIN_GAIN_MISMATCH -> "plugin changes the loudness";
            case PLUGIN_INPUT_OVERDRIVE -> "plugin input overdriven";
            case PLUGIN_OUTPUT_HOT -> "plugin output too hot";
            case BUS_OVERLOAD -> "bus overload";
            case MASTER_OVER_0DBFS -> "master over 0 dBFS";
            case MASTER_LOW_HEADROOM -> "little master headroom";
            case FADER_EXTREME -> "fader at an extreme";
        };
    }

    private static String names(List<Strip> strips) {
        return strips.isEmpty()
                ? "none"
                : String.join(", ", strips.stream().map(Strip::name).toList());
    }
}
