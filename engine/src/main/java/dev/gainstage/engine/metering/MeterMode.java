package dev.gainstage.engine.metering;

/**
 * Which of its costly figures a {@link StageMeter} computes, in the spirit of libebur128's mode flags.
 * Sample peak, RMS, overall RMS and crest factor, DC offset, clips, correlation, the noise floor, signal
 * seconds and events are always measured: one cheap pass gives them all. The others cost per sample or in
 * memory, and a tap whose rules and view do not use them is spared them:
 *
 * @param truePeak        true peak (recent and held): the 4x interpolator, about two thirds of a meter's work
 *                        on a steady signal, and its buffers
 * @param loudness        momentary and short-term loudness and their maxima: the K-weighting filter
 * @param loudnessHistory integrated loudness and loudness range: two 40 KB histograms (needs {@code loudness})
 */
public record MeterMode(boolean truePeak, boolean loudness, boolean loudnessHistory) {
    /** Every figure: the master, and the file tools. */
    public static final MeterMode FULL = new MeterMode(true, true, true);
    /** Momentary and short-term loudness on top of the cheap figures: a stage's output the panel shows. */
    public static final MeterMode LOUDNESS = new MeterMode(false, true, false);
    /** Loudness and true peak, without the long-term histograms: a plugin's output. */
    public static final MeterMode PEAKS_AND_LOUDNESS = new MeterMode(true, true, false);
    /** Only the cheap figures: an input tap judged on its peak and RMS. */
    public static final MeterMode LEVELS = new MeterMode(false, false, false);

    public MeterMode {
        if (loudnessHistory && !loudness) {
            throw new IllegalArgumentException("integrated loudness and loudness range need loudness on");
        }
    }

    @Override
    public String toString() {
        return (truePeak ? "true peak" : "no true peak") + ", "
                + (loudnessHistory ? "all loudness" : loudness ? "momentary and short-term loudness" : "no loudness");
    }
}
