package dev.gainstage.engine.rules;

/**
 * Thresholds of the staging rules. Defaults come from the seed article (sources peak around −12 to
 * −6 dBFS, plugin input and output balanced, master never above 0 dBFS) and DESIGN.md.
 */
public record RuleConfig(
        double sourceHotPeakDbfs,
        double sourceTargetPeakDbfs,
        double sourceClipPeakDbfs,
        double sourceQuietPeakDbfs,
        double quietMinSignalSeconds,
        double noiseFloorMarginDb,
        double pluginMismatchDb,
        double pluginInputPeakDbfs,
        double pluginInputRmsDbfs,
        double pluginOutputPeakDbfs,
        double busPeakDbfs,
        double masterPeakDbfs,
        double masterHeadroomPeakDbfs,
        double faderMaxDb,
        double faderMinDb,
        double raiseAfterSeconds,
        double clearAfterSeconds,
        double clearMarginDb) {

    /** Refuses thresholds that cannot make sense; the message names the field and the problem. */
    public RuleConfig {
        check("source_hot_peak_dbfs", sourceHotPeakDbfs, -60, 0);
        check("source_target_peak_dbfs", sourceTargetPeakDbfs, -60, 0);
        check("source_clip_peak_dbfs", sourceClipPeakDbfs, -6, 0);
        check("source_quiet_peak_dbfs", sourceQuietPeakDbfs, -90, 0);
        check("quiet_min_signal_seconds", quietMinSignalSeconds, 0, 3600);
        check("noise_floor_margin_db", noiseFloorMarginDb, 0, 144);
        check("plugin_mismatch_db", pluginMismatchDb, 0.1, 24);
        check("plugin_input_peak_dbfs", pluginInputPeakDbfs, -60, 24);
        check("plugin_input_rms_dbfs", pluginInputRmsDbfs, -60, 24);
        check("plugin_output_peak_dbfs", pluginOutputPeakDbfs, -60, 24);
        check("bus_peak_dbfs", busPeakDbfs, -60, 24);
        check("master_peak_dbfs", masterPeakDbfs, -60, 24);
        check("master_headroom_peak_dbfs", masterHeadroomPeakDbfs, -60, 24);
        check("fader_max_db", faderMaxDb, 0, 24);
        check("fader_min_db", faderMinDb, -144, 0);
        check("raise_after_seconds", raiseAfterSeconds, 0, 60);
        check("clear_after_seconds", clearAfterSeconds, 0, 600);
        check("clear_margin_db", clearMarginDb, 0, 24);
        if (sourceQuietPeakDbfs >= sourceHotPeakDbfs) {
            throw new IllegalArgumentException("source_quiet_peak_dbfs (" + sourceQuietPeakDbfs
                    + ") must be below source_hot_peak_dbfs (" + sourceHotPeakDbfs + ")");
        }
        if (sourceTargetPeakDbfs > sourceHotPeakDbfs || sourceTargetPeakDbfs < sourceQuietPeakDbfs) {
            throw new IllegalArgumentException("source_target_peak_dbfs (" + sourceTargetPeakDbfs
                    + ") must lie between source_quiet_peak_dbfs and source_hot_peak_dbfs");
        }
        if (masterHeadroomPeakDbfs > masterPeakDbfs) {
            throw new IllegalArgumentException("master_headroom_peak_dbfs (" + masterHeadroomPeakDbfs
                    + ") must not be above master_peak_dbfs (" + masterPeakDbfs + ")");
        }
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " = " + value + " is outside " + min + ".." + max);
        }
    }

    public static RuleConfig defaults() {
        return new RuleConfig(-6.0, -9.0, -0.1, -18.0, 3.0, 40.0, 1.0, -6.0, -12.0, 0.0, 0.0, 0.0, -3.0,
                6.0, -20.0, 0.3, 3.0, 1.0);
    }
}
