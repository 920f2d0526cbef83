package dev.gainstage.panel.master;

import dev.gainstage.panel.overview.Readout;
import dev.gainstage.proto.v1.DeliveryPreset;
import dev.gainstage.proto.v1.DeliveryTargetView;
import dev.gainstage.proto.v1.MasterLoudness;
import java.util.ArrayList;
import java.util.List;

/**
 * What the master section shows, from the view's {@link MasterLoudness}, as text: the five readouts with their units,
 * each one's standing against the delivery target, and the history's points. A pure model, tested without a display.
 *
 * @param target the target's words with its numbers ("Streaming: -14 LUFS ±1 LU, true peak ≤ -1 dBTP")
 */
public record MasterReadouts(
        boolean present,
        String momentary,
        String shortTerm,
        String integrated,
        String range,
        String truePeak,
        String integratedVsTarget,
        String peakVsTarget,
        Verdict loudnessVerdict,
        Verdict peakVerdict,
        DeliveryPreset preset,
        String target,
        double targetLufs,
        List<Double> history,
        double historyEndSeconds) {
    /** How a figure stands against the target: none chosen (or not measured), within it, outside it. */
    public enum Verdict {
        NONE,
        MEETS,
        MISSES
    }

    public MasterReadouts {
        history = List.copyOf(history);
    }

    public static MasterReadouts of(MasterLoudness m, boolean hasMaster) {
        DeliveryTargetView t = m.getTarget();
        boolean loudnessTarget = t.hasLoudnessLufs();
        boolean peakWindow = t.hasPeakMinDbfs();
        String vsLoudness = "";
        Verdict loudness = Verdict.NONE;
        if (loudnessTarget && m.hasIntegratedLufs()) {
            double off = m.getIntegratedLufs() - t.getLoudnessLufs();
            vsLoudness = Readout.db(off) + " LU vs target";
            loudness = Math.abs(off) <= t.getToleranceLu() ? Verdict.MEETS : Verdict.MISSES;
        }
        String vsPeak = "";
        Verdict peak = Verdict.NONE;
        if (loudnessTarget && m.hasTruePeakDbtp()) {
            boolean under = m.getTruePeakDbtp() <= t.getTruePeakCeilingDbtp();
            vsPeak = (under ? "\u2264 " : "over ") + Readout.db(t.getTruePeakCeilingDbtp()) + " dBTP";
            peak = under ? Verdict.MEETS : Verdict.MISSES;
        } else if (peakWindow && m.hasSamplePeakDbfs()) {
            double p = m.getSamplePeakDbfs();
            boolean inside = p >= t.getPeakMinDbfs() && p <= t.getPeakMaxDbfs();
            vsPeak = Readout.db(p) + " dBFS " + (inside ? "in " : "not in ") + (int) t.getPeakMinDbfs() + ".."
                    + (int) t.getPeakMaxDbfs();
            peak = inside ? Verdict.MEETS : Verdict.MISSES;
        }
        List<Double> points = new ArrayList<>(m.getHistoryShortTermLufsList());
        return new MasterReadouts(
                hasMaster,
                lufs(m.hasMomentaryLufs(), m.getMomentaryLufs()),
                lufs(m.hasShortTermLufs(), m.getShortTermLufs()),
                lufs(m.hasIntegratedLufs(), m.getIntegratedLufs()),
                m.hasLoudnessRangeLu() ? Readout.db(m.getLoudnessRangeLu()).replace("+", "") + " LU" : "- LU",
                m.hasTruePeakDbtp() ? Readout.db(m.getTruePeakDbtp()) + " dBTP" : "- dBTP",
                vsLoudness,
                vsPeak,
                loudness,
                peak,
                t.getPreset(),
                t.getPreset() == DeliveryPreset.DELIVERY_PRESET_NONE ? "no delivery target" : t.getDescription(),
                loudnessTarget ? t.getLoudnessLufs() : Double.NaN,
                points,
                m.getHistoryEndSeconds());
    }

    private static String lufs(boolean has, double v) {
        return (has ? Readout.db(v) : "-") + " LUFS";
    }

    /** The presets the user picks from, in the order the panel lists them, with their numbers. */
    public static List<Choice> choices() {
        return List.of(
                new Choice(DeliveryPreset.DELIVERY_PRESET_NONE, "No delivery target"),
                new Choice(DeliveryPreset.DELIVERY_PRESET_STREAMING, "Streaming (-14 LUFS, -1 dBTP)"),
                new Choice(DeliveryPreset.DELIVERY_PRESET_APPLE_MUSIC, "Apple Music (-16 LUFS, -1 dBTP)"),
                new Choice(DeliveryPreset.DELIVERY_PRESET_EBU_R128, "EBU R128 (-23 LUFS, -1 dBTP)"),
                new Choice(DeliveryPreset.DELIVERY_PRESET_PRE_MASTER, "Pre-master (peaks -6 to -3 dBFS)"));
    }

    /** One entry of the target box. */
    public record Choice(DeliveryPreset preset, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
