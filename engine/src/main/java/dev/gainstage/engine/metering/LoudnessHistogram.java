package dev.gainstage.engine.metering;

import java.util.Arrays;

/**
 * Gated statistics over a stream of block loudness values in bounded memory: a 0.01 LU histogram
 * from the -70 LUFS absolute gate up to +30 LUFS (as libebur128 does, but with headroom for float
 * signals above full scale), plus exact sums of everything above the absolute gate and an exact
 * overflow bucket for blocks louder than +30 LUFS. Memory stays at 40 KB whether it has seen one
 * second or ten hours, and nothing is allocated while adding.
 *
 * <p>Relative gates are computed from the exact energy sum; the gated mean and the percentiles use
 * the bin centres, which are within 0.005 LU of every block in the bin.
 */
final class LoudnessHistogram {
    static final double ABSOLUTE_GATE_LUFS = -70;
    static final double TOP_LUFS = 30;
    static final double BIN_LU = 0.01;
    static final int BINS = (int) Math.round((TOP_LUFS - ABSOLUTE_GATE_LUFS) / BIN_LU);
    private static final double ABSOLUTE_GATE_ENERGY = Levels.lufsToEnergy(ABSOLUTE_GATE_LUFS);
    private static final double[] BIN_ENERGY = binEnergies(BINS);

    private final int[] counts = new int[BINS];
    private long gated;
    private double gatedEnergy;
    private long overflow;
    private double overflowEnergy;
    private int lowestBin = BINS;
    private int highestBin = -1;

    /**
     * Each bin's centre as energy. Filled in a local array: this runs while the class is being
     * initialised, when the interpreter resolves every access to one of its static fields the slow
     * way (filling BIN_ENERGY itself took 5 ms of every start, the local array 0.3).
     */
    private static double[] binEnergies(int bins) {
        double[] energies = new double[bins];
        for (int i = 0; i < bins; i++) {
            energies[i] = Levels.lufsToEnergy(centre(i));
        }
        return energies;
    }

    private static double centre(int bin) {
        return ABSOLUTE_GATE_LUFS + (bin + 0.5) * BIN_LU;
    }

    /** Adds one block, given as its channel-weighted mean square (BS.1770 "z" summed with weights). */
    void add(double energy) {
        if (!(energy > ABSOLUTE_GATE_ENERGY) || energy == Double.POSITIVE_INFINITY) {
            return; // below the absolute gate, or a NaN/inf block from a broken input
        }
        gated++;
        gatedEnergy += energy;
        int bin = (int) ((Levels.energyToLufs(energy) - ABSOLUTE_GATE_LUFS) / BIN_LU);
        if (bin >= BINS) {
            overflow++;
            overflowEnergy += energy;
            return;
        }
        counts[bin]++;
        lowestBin = Math.min(lowestBin, bin);
        highestBin = Math.max(highestBin, bin);
    }

    long size() {
        return gated;
    }

    /** First bin whose centre lies above {@code relativeGateLu} below the mean of the gated blocks. */
    private int relativeGateBin(double relativeGateLu) {
        double gate = Levels.energyToLufs(gatedEnergy / gated) + relativeGateLu;
        int bin = (int) Math.ceil((gate - ABSOLUTE_GATE_LUFS) / BIN_LU - 0.5);
        return Math.max(bin, lowestBin);
    }

    /** BS.1770 integrated loudness: mean of blocks above the absolute and the relative gate. */
    double gatedLoudness(double relativeGateLu) {
        if (gated == 0) {
            return Double.NaN;
        }
        long n = overflow;
        double energy = overflowEnergy;
        for (int i = relativeGateBin(relativeGateLu); i <= highestBin; i++) {
            n += counts[i];
            energy += counts[i] * BIN_ENERGY[i];
        }
        return n == 0 ? Double.NaN : Levels.energyToLufs(energy / n);
    }

    /**
     * EBU Tech 3342 loudness range: the spread between the {@code low} and {@code high} quantiles
     * (0.10 and 0.95) of the values above the relative gate.
     */
    double range(double relativeGateLu, double low, double high) {
        if (gated == 0) {
            return Double.NaN;
        }
        int start = relativeGateBin(relativeGateLu);
        long n = overflow;
        for (int i = start; i <= highestBin; i++) {
            n += counts[i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        long lowRank = Math.round((n - 1) * low);
        long highRank = Math.round((n - 1) * high);
        return valueAtRank(start, highRank) - valueAtRank(start, lowRank);
    }

    private double valueAtRank(int start, long rank) {
        long seen = 0;
        for (int i = start; i <= highestBin; i++) {
            seen += counts[i];
            if (seen > rank) {
                return centre(i);
            }
        }
        return Levels.energyToLufs(overflowEnergy / overflow);
    }

    /**
     * Clears only the bins ever filled (all lie within lowest..highest): a tap that restarts after a
     * gap is reset on the metering path, and clearing all 10 000 bins of both histograms of every
     * tap of a batch after a dropped period made the next periods late too (a third of the
     * sidecar's time at 1024 taps).
     */
    void reset() {
        if (highestBin >= lowestBin) {
            Arrays.fill(counts, lowestBin, highestBin + 1, 0);
        }
        gated = 0;
        gatedEnergy = 0;
        overflow = 0;
        overflowEnergy = 0;
        lowestBin = BINS;
        highestBin = -1;
    }
}
