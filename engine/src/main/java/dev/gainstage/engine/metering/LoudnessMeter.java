package dev.gainstage.engine.metering;

/**
 * BS.1770 / EBU R128 loudness from 100 ms sub-blocks of channel-weighted K-weighted energy:
 * momentary (400 ms) and short-term (3 s) windows updated every 100 ms; integrated loudness over
 * 400 ms gating blocks with 75 % overlap (-70 LUFS absolute, -10 LU relative gate); loudness range
 * per EBU Tech 3342 over the short-term values, one every 100 ms (-70 LUFS absolute, -20 LU
 * relative gate, 10th to 95th percentile).
 *
 * <p>The two histograms behind integrated loudness and loudness range (40 KB each) exist only while
 * {@link #keepHistory} is on; without them both read NaN.
 */
final class LoudnessMeter {
    static final int MOMENTARY_BLOCKS = 4;
    static final int SHORT_TERM_BLOCKS = 30;
    static final double INTEGRATED_RELATIVE_GATE_LU = -10;
    static final double RANGE_RELATIVE_GATE_LU = -20;
    static final double RANGE_LOW_PERCENTILE = 0.10;
    static final double RANGE_HIGH_PERCENTILE = 0.95;

    private final SubBlockRing energies = new SubBlockRing(SHORT_TERM_BLOCKS);
    private LoudnessHistogram gatingBlocks;
    private LoudnessHistogram shortTermBlocks;
    private double momentary = Double.NaN;
    private double shortTerm = Double.NaN;
    private double maxMomentary = Double.NaN;
    private double maxShortTerm = Double.NaN;

    /** Adds one 100 ms sub-block: sum over channels of weight * mean square of the K-weighted signal. */
    void addSubBlock(double energy) {
        energies.push(energy);
        if (energies.count() >= MOMENTARY_BLOCKS) {
            double e = energies.sum(MOMENTARY_BLOCKS) / MOMENTARY_BLOCKS;
            if (gatingBlocks != null) {
                gatingBlocks.add(e);
            }
            momentary = Levels.energyToLufs(e);
            maxMomentary = held(maxMomentary, momentary);
        }
        if (energies.count() >= SHORT_TERM_BLOCKS) {
            double e = energies.sum(SHORT_TERM_BLOCKS) / SHORT_TERM_BLOCKS;
            if (shortTermBlocks != null) {
                shortTermBlocks.add(e);
            }
            shortTerm = Levels.energyToLufs(e);
            maxShortTerm = held(maxShortTerm, shortTerm);
        }
    }

    /** Peak hold where NaN means "nothing yet" on both sides. */
    private static double held(double held, double value) {
        return Double.isNaN(held) || value > held ? (Double.isNaN(value) ? held : value) : held;
    }

    double momentaryLufs() {
        return momentary;
    }

    double shortTermLufs() {
        return shortTerm;
    }

    double maxMomentaryLufs() {
        return maxMomentary;
    }

    double maxShortTermLufs() {
        return maxShortTerm;
    }

    double integratedLufs() {
        return gatingBlocks == null ? Double.NaN : gatingBlocks.gatedLoudness(INTEGRATED_RELATIVE_GATE_LU);
    }

    double loudnessRangeLu() {
        return shortTermBlocks == null
                ? Double.NaN
                : shortTermBlocks.range(RANGE_RELATIVE_GATE_LU, RANGE_LOW_PERCENTILE, RANGE_HIGH_PERCENTILE);
    }

    /**
     * Starts (empty) or drops the histograms of integrated loudness and loudness range; allocates when
     * turned on, so never on the metering path.
     */
    void keepHistory(boolean on) {
        if (on && gatingBlocks == null) {
            gatingBlocks = new LoudnessHistogram();
            shortTermBlocks = new LoudnessHistogram();
        } else if (!on) {
            gatingBlocks = null;
            shortTermBlocks = null;
        }
    }

    void reset() {
        energies.reset();
        if (gatingBlocks != null) {
            gatingBlocks.reset();
            shortTermBlocks.reset();
        }
        momentary = shortTerm = maxMomentary = maxShortTerm = Double.NaN;
    }
}
