package dev.gainstage.engine.metering;

/**
 * INTERIM meter (sample peak over 100 ms sub-blocks, RMS, unweighted loudness): replaced by the
 * standards-grade implementation of issue 3 with the same API.
 */
public final class StageMeter {
    private static final int SUB_BLOCKS = 30; // 3 s of 100 ms
    private final MeterOptions options;
    private int sampleRate;
    private int channels;
    private int subFrames;
    private double[] subPeak;
    private double[] subPower;
    private int subIndex;
    private int subFill;
    private int subCount;
    private double curPeak;
    private double curPower;
    private long frames;
    private double maxPeak;
    private double totalPower;
    private long signalFrames;

    public StageMeter(MeterOptions options) {
        this.options = options;
    }

    public void initialize(int sampleRate, int channels, int maxBlockFrames) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.subFrames = sampleRate / 10;
        this.subPeak = new double[SUB_BLOCKS];
        this.subPower = new double[SUB_BLOCKS];
        reset();
    }

    public void reset() {
        java.util.Arrays.fill(subPeak, 0);
        java.util.Arrays.fill(subPower, 0);
        subIndex = 0;
        subFill = 0;
        subCount = 0;
        curPeak = 0;
        curPower = 0;
        frames = 0;
        maxPeak = 0;
        totalPower = 0;
        signalFrames = 0;
    }

    public void process(float[] interleaved, int offset, int n) {
        for (int f = 0; f < n; f++) {
            double framePeak = 0;
            for (int c = 0; c < channels; c++) {
                double x = interleaved[offset + f * channels + c];
                double a = Math.abs(x);
                if (a > framePeak) {
                    framePeak = a;
                }
                curPower += x * x;
                totalPower += x * x;
            }
            if (framePeak > curPeak) {
                curPeak = framePeak;
            }
            if (framePeak > 1e-4) {
                signalFrames++;
            }
            frames++;
            if (++subFill == subFrames) {
                subPeak[subIndex] = curPeak;
                subPower[subIndex] = curPower / (subFrames * (double) channels);
                if (curPeak > maxPeak) {
                    maxPeak = curPeak;
                }
                subIndex = (subIndex + 1) % SUB_BLOCKS;
                subCount = Math.min(SUB_BLOCKS, subCount + 1);
                subFill = 0;
                curPeak = 0;
                curPower = 0;
            }
        }
    }

    public MeterReading reading() {
        double peak = 0;
        double power3 = 0;
        double power04 = 0;
        for (int i = 0; i < subCount; i++) {
            int idx = (subIndex - 1 - i + SUB_BLOCKS) % SUB_BLOCKS;
            peak = Math.max(peak, subPeak[idx]);
            power3 += subPower[idx];
            if (i < 4) {
                power04 += subPower[idx];
            }
        }
        double p = db(peak);
        double rms = subCount == 0 ? Double.NaN : 10 * Math.log10(power04 / Math.min(4, subCount));
        double st = subCount == 0 ? Double.NaN : -0.691 + 10 * Math.log10(power3 / subCount);
        double overallRms = frames == 0 ? Double.NaN : 10 * Math.log10(totalPower / (frames * (double) channels));
        return new MeterReading(frames, frames / (double) sampleRate, p, p, fin(rms), fin(rms - 0.691), fin(st),
                db(maxPeak), db(maxPeak), Double.NaN, Double.NaN, Double.NaN, Double.NaN, fin(overallRms),
                fin(db(maxPeak) - overallRms), 0, 0, 0, Double.NaN, Double.NaN, signalFrames / (double) sampleRate);
    }

    private static double db(double lin) {
        return lin <= 0 ? Double.NaN : 20 * Math.log10(lin);
    }

    private static double fin(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }
}
