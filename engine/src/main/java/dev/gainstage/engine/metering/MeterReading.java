package dev.gainstage.engine.metering;

/**
 * One snapshot of a {@link StageMeter}. All dB values: NaN means "nothing measurable" (silence / not
 * enough audio yet); never -Infinity. Levels above 0 dBFS are reported as measured (positive dBFS).
 *
 * <p>Recent figures (what live staging rules use): {@code samplePeakDbfs} and {@code truePeakDbtp} over
 * the recent window (3 s by default, resolved to 100 ms), {@code rmsDbfs} over the last 400 ms
 * (power-averaged across channels; +3.01 dB with the AES17 option), {@code momentaryLufs} (400 ms) and
 * {@code shortTermLufs} (3 s) as of the latest 100 ms update, {@code correlation} over the recent window.
 *
 * <p>Since initialize/reset: peak holds, integrated loudness and loudness range (EBU Tech 3342),
 * maximum momentary and short-term loudness, overall RMS, crest factor (max sample peak over overall
 * plain RMS, so a sine reads 3.01 dB whatever the AES17 option), DC offset (signed mean of the channel
 * with the largest |mean|), clipped samples and runs (a clipped run is at least 2 consecutive samples
 * of one channel at or above the clip level; a single full-scale sample is not counted), the steady noise
 * floor (the level the gaps between events return to, stable over time; NaN for a clean recording, whose
 * gaps are silence or decays: see {@code NoiseFloorEstimator}) and the seconds of audio
 * whose 50 ms RMS was above -70 dBFS, and the events heard (hits, notes, words: frames that rise 10 dB out of
 * what came before; see {@code EventCounter}).
 */
public record MeterReading(
        long frames,
        double seconds,
        double samplePeakDbfs,
        double truePeakDbtp,
        double rmsDbfs,
        double momentaryLufs,
        double shortTermLufs,
        double maxSamplePeakDbfs,
        double maxTruePeakDbtp,
        double integratedLufs,
        double loudnessRangeLu,
        double maxMomentaryLufs,
        double maxShortTermLufs,
        double overallRmsDbfs,
        double crestFactorDb,
        double dcOffset,
        long clippedSamples,
        long clippedRuns,
        double noiseFloorDbfs,
        double correlation,
        double signalSeconds,
        long events) {
    /** A reading without an event count (made up in tests and tools that do not count events). */
    public MeterReading(
            long frames,
            double seconds,
            double samplePeakDbfs,
            double truePeakDbtp,
            double rmsDbfs,
            double momentaryLufs,
            double shortTermLufs,
            double maxSamplePeakDbfs,
            double maxTruePeakDbtp,
            double integratedLufs,
            double loudnessRangeLu,
            double maxMomentaryLufs,
            double maxShortTermLufs,
            double overallRmsDbfs,
            double crestFactorDb,
            double dcOffset,
            long clippedSamples,
            long clippedRuns,
            double noiseFloorDbfs,
            double correlation,
            double signalSeconds) {
        this(
                frames,
                seconds,
                samplePeakDbfs,
                truePeakDbtp,
                rmsDbfs,
                momentaryLufs,
                shortTermLufs,
                maxSamplePeakDbfs,
                maxTruePeakDbtp,
                integratedLufs,
                loudnessRangeLu,
                maxMomentaryLufs,
                maxShortTermLufs,
                overallRmsDbfs,
                crestFactorDb,
                dcOffset,
                clippedSamples,
                clippedRuns,
                noiseFloorDbfs,
                correlation,
                signalSeconds,
                0);
    }

    public static boolean has(double v) {
        return !Double.isNaN(v);
    }
}
