package dev.gainstage.adapter.sim.dsp;

/**
 * Feed-forward compressor, stereo-linked: the detector follows the loudest channel's sample
 * magnitude, a hard-knee gain computer turns the overshoot into gain reduction (dB), which is
 * smoothed with separate attack and release time constants and applied equally to all channels;
 * then the makeup gain, which {@link #makeup()} exposes so a fix can change it live.
 */
public final class Compressor implements Processor {
    private static final double NEPERS_PER_DB = Math.log(10) / 20;
    private final int channels;
    private final double thresholdDb;
    private final double thresholdLinear;
    private final double slope; // 1 - 1/ratio
    private final double attackCoef;
    private final double releaseCoef;
    private final RampedGain makeup;
    private double reductionDb; // smoothed, >= 0

    public Compressor(
            int channels,
            int sampleRate,
            double thresholdDb,
            double ratio,
            double attackMs,
            double releaseMs,
            GainParam makeup) {
        this.channels = channels;
        this.thresholdDb = thresholdDb;
        this.thresholdLinear = Decibels.toLinear(thresholdDb);
        this.slope = 1.0 - 1.0 / ratio;
        this.attackCoef = coefficient(attackMs, sampleRate);
        this.releaseCoef = coefficient(releaseMs, sampleRate);
        this.makeup = new RampedGain(makeup);
    }

    private static double coefficient(double ms, int sampleRate) {
        return ms <= 0 ? 0 : Math.exp(-1.0 / (ms * 0.001 * sampleRate));
    }

    public GainParam makeup() {
        return makeup.param();
    }

    @Override
    public void process(float[] buffer, int frames) {
        double env = reductionDb;
        for (int f = 0, base = 0; f < frames; f++, base += channels) {
            double peak = 0;
            for (int c = 0; c < channels; c++) {
                peak = Math.max(peak, Math.abs(buffer[base + c]));
            }
            // Below threshold the wanted reduction is 0: skip the logarithm on most samples.
            double wanted = peak > thresholdLinear ? (Decibels.fromLinear(peak) - thresholdDb) * slope : 0;
            double coef = wanted > env ? attackCoef : releaseCoef;
            env = wanted + coef * (env - wanted);
            if (env > 1e-9) {
                double g = Math.exp(-env * NEPERS_PER_DB);
                for (int c = 0; c < channels; c++) {
                    buffer[base + c] = (float) (buffer[base + c] * g);
                }
            }
        }
        reductionDb = env;
        makeup.apply(buffer, buffer, channels, frames);
    }
}
