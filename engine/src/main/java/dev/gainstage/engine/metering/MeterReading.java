package dev.gainstage.engine.metering;

/** All dB values: NaN means "nothing measurable" (silence / not enough audio yet); never -Infinity. */
public record MeterReading(
        long frames, double seconds,
        double samplePeakDbfs, double truePeakDbtp, double rmsDbfs, double momentaryLufs, double shortTermLufs,
        double maxSamplePeakDbfs, double maxTruePeakDbtp,
        double integratedLufs, double loudnessRangeLu,
        double maxMomentaryLufs, double maxShortTermLufs,
        double overallRmsDbfs, double crestFactorDb,
        double dcOffset,
        long clippedSamples,
        long clippedRuns,
        double noiseFloorDbfs,
        double correlation,
        double signalSeconds) {
    public static boolean has(double v) {
        return !Double.isNaN(v);
    }
}
