package dev.gainstage.engine.checklist;

import java.util.Locale;

/**
 * What the master is to be delivered as, picked by the user per session: a loudness target with a true-peak ceiling
 * (integrated loudness within {@link #TOLERANCE_LU} of the target), or a pre-master's peak window with no loudness
 * target. {@link #NONE} leaves the checklist without its "Ready to deliver" step.
 */
public enum DeliveryTarget {
    NONE("none", "no target", Double.NaN, Double.NaN, Double.NaN, Double.NaN),
    STREAMING("streaming", "Streaming", -14, -1, Double.NaN, Double.NaN),
    APPLE_MUSIC("apple-music", "Apple Music", -16, -1, Double.NaN, Double.NaN),
    EBU_R128("ebu-r128", "EBU R128", -23, -1, Double.NaN, Double.NaN),
    PRE_MASTER("pre-master", "Pre-master", Double.NaN, Double.NaN, -6, -3);

    /** How far integrated loudness may lie from a loudness target. */
    public static final double TOLERANCE_LU = 1.0;

    private final String id;
    private final String label;
    private final double loudnessLufs;
    private final double truePeakCeilingDbtp;
    private final double peakMinDbfs;
    private final double peakMaxDbfs;

    DeliveryTarget(String id, String label, double loudness, double ceiling, double peakMin, double peakMax) {
        this.id = id;
        this.label = label;
        this.loudnessLufs = loudness;
        this.truePeakCeilingDbtp = ceiling;
        this.peakMinDbfs = peakMin;
        this.peakMaxDbfs = peakMax;
    }

    /** The name saved with the session's decisions ("streaming"). */
    public String id() {
        return id;
    }

    /** In words, as the panel names it ("Apple Music"). */
    public String label() {
        return label;
    }

    /** The integrated loudness aimed at; NaN for none (pre-master). */
    public double loudnessLufs() {
        return loudnessLufs;
    }

    /** The highest true peak allowed; NaN for none (pre-master). */
    public double truePeakCeilingDbtp() {
        return truePeakCeilingDbtp;
    }

    /** A pre-master's sample peak window; NaN for the loudness targets. */
    public double peakMinDbfs() {
        return peakMinDbfs;
    }

    public double peakMaxDbfs() {
        return peakMaxDbfs;
    }

    public boolean hasLoudness() {
        return !Double.isNaN(loudnessLufs);
    }

    /** The target in words with its numbers: "Streaming: -14 LUFS ±1 LU, true peak ≤ -1 dBTP". */
    public String describe() {
        if (this == NONE) {
            return label;
        }
        if (!hasLoudness()) {
            return String.format(
                    Locale.ROOT, "%s: peaks %.0f to %.0f dBFS, no loudness target", label, peakMinDbfs, peakMaxDbfs);
        }
        return String.format(
                Locale.ROOT,
                "%s: %.0f LUFS \u00B1%.0f LU, true peak \u2264 %.0f dBTP",
                label,
                loudnessLufs,
                TOLERANCE_LU,
                truePeakCeilingDbtp);
    }

    /** The target saved as {@code id}; a clear error naming it when there is none such. */
    public static DeliveryTarget ofId(String id) {
        for (DeliveryTarget t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "no delivery target '" + id + "' (streaming, apple-music, ebu-r128," + " pre-master or none)");
    }
}
