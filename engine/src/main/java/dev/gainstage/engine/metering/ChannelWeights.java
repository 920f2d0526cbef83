package dev.gainstage.engine.metering;

/**
 * BS.1770 channel weights by channel count, in the usual WAV/SMPTE order (L R C LFE Ls Rs ...).
 * LFE is excluded (weight 0) and surround channels count 1.41 (+1.5 dB). Counts that name no
 * standard layout are read as: 4 = quad (L R Ls Rs), 7 = 6.1 (L R C LFE Ls Rs Cs),
 * 8 = 7.1 (L R C LFE Ls Rs Lrs Rrs).
 */
public final class ChannelWeights {
    static final double SURROUND = 1.41;

    private ChannelWeights() {}

    public static double[] forChannels(int channels) {
        double s = SURROUND;
        return switch (channels) {
            case 1 -> new double[] {1};
            case 2 -> new double[] {1, 1};
            case 3 -> new double[] {1, 1, 1};
            case 4 -> new double[] {1, 1, s, s};
            case 5 -> new double[] {1, 1, 1, s, s};
            case 6 -> new double[] {1, 1, 1, 0, s, s};
            case 7 -> new double[] {1, 1, 1, 0, s, s, s};
            case 8 -> new double[] {1, 1, 1, 0, s, s, s, s};
            default -> throw new IllegalArgumentException("channels must be 1..8, got " + channels);
        };
    }
}
