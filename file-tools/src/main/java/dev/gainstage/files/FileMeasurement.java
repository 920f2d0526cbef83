package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterReading;

/** The figures of one whole file: its format and the meter's reading at the end. */
public record FileMeasurement(String file, AudioFormat format, MeterReading reading) {
    /** The JSON line {@code meter --json} prints (docs/cli.md, "meter and analyze", shows one). */
    public JsonObject toJson() {
        MeterReading r = reading;
        return new JsonObject()
                .put("file", file)
                .put("sampleRate", format.sampleRate())
                .put("channels", format.channels())
                .put("frames", r.frames())
                .put("seconds", r.seconds())
                .put("samplePeakDbfs", r.maxSamplePeakDbfs())
                .put("truePeakDbtp", r.maxTruePeakDbtp())
                .put("integratedLufs", r.integratedLufs())
                .put("loudnessRangeLu", r.loudnessRangeLu())
                .put("maxMomentaryLufs", r.maxMomentaryLufs())
                .put("maxShortTermLufs", r.maxShortTermLufs())
                .put("rmsDbfs", r.overallRmsDbfs())
                .put("crestFactorDb", r.crestFactorDb())
                .putExact("dcOffset", r.dcOffset())
                .put("clippedSamples", r.clippedSamples())
                .put("clippedRuns", r.clippedRuns())
                .put("noiseFloorDbfs", r.noiseFloorDbfs())
                .put("signalSeconds", r.signalSeconds());
    }
}
