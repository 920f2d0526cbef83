package dev.gainstage.engine.history;

import java.util.List;

/**
 * What a history query returns: copies made for the caller, which it owns (the arrays are never
 * shared with the history). Times are the DAW's transport seconds.
 *
 * @param forgotten points dropped before the kept ones to stay within the bound
 * @param nowSeconds the transport's position as of the latest tap audio
 */
public record HistorySlice(Levels levels, List<WarningSpan> warnings, long forgotten, double nowSeconds) {
    public HistorySlice {
        warnings = List.copyOf(warnings);
    }

    /** Points and, aligned with them, each stage's figures (NaN: nothing measured). */
    public record Levels(double[] pointSeconds, List<StageSeries> stages) {
        public Levels {
            stages = List.copyOf(stages);
        }
    }

    public record StageSeries(String stageId, float[] samplePeakDbfs, float[] truePeakDbtp, float[] shortTermLufs) {}
}
