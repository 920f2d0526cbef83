package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.DeliveryTarget;
import java.util.List;

/**
 * The master's programme as the panel's master section shows it, immutable. Loudness in LUFS (range in LU), peaks
 * in dBFS / dBTP, NaN where nothing is measured yet. Integrated loudness, loudness range and the peak maxima are
 * since the master's measurement last (re)started; momentary and short-term are the running windows.
 *
 * @param stageId          the master's output stage, "" when the session has no master
 * @param measuredSeconds  audio heard since the measurement (re)started
 * @param history          short-term loudness once per {@link #HISTORY_STEP_SECONDS} of audio, oldest first, NaN
 *                         where the master was silent; at most {@link #HISTORY_POINTS}
 * @param historyEndSeconds session audio time of the newest point
 */
public record MasterLoudness(
        String stageId,
        double momentaryLufs,
        double shortTermLufs,
        double integratedLufs,
        double loudnessRangeLu,
        double truePeakDbtp,
        double samplePeakDbfs,
        double measuredSeconds,
        DeliveryTarget target,
        List<Double> history,
        double historyEndSeconds) {
    public static final double HISTORY_STEP_SECONDS = 1.0;
    /** Ten minutes of points: 600 doubles in every view, a few kB. */
    public static final int HISTORY_POINTS = 600;

    public static final MasterLoudness NONE = unmeasured("", 0, DeliveryTarget.NONE, List.of(), 0);

    /** A master with no audio measured yet: every figure NaN. */
    static MasterLoudness unmeasured(
            String stageId, double measuredSeconds, DeliveryTarget target, List<Double> history, double historyEnd) {
        double n = Double.NaN;
        return new MasterLoudness(stageId, n, n, n, n, n, n, measuredSeconds, target, history, historyEnd);
    }

    public MasterLoudness {
        history = List.copyOf(history);
    }
}
