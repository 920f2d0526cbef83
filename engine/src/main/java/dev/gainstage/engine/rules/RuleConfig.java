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

    public static RuleConfig defaults() {
        return new RuleConfig(-6.0, -9.0, -0.1, -18.0, 3.0, 40.0, 1.0, -6.0, -12.0, 0.0, 0.0, 0.0, -3.0,
                6.0, -20.0, 0.3, 3.0, 1.0);
    }
}
