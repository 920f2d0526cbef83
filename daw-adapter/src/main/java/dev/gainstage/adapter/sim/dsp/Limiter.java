package dev.gainstage.adapter.sim.dsp;

/**
 * Peak limiter without look-ahead: input gain, then an instant-attack gain that holds the loudest
 * channel at the ceiling and recovers with an exponential release. Stereo-linked. The final clamp
 * is by design: without look-ahead the gain is exact for the current sample, and the clamp only
 * removes float rounding above the ceiling.
 */
public final class Limiter implements Processor {
    private final int channels;
    private final double inputGain;
    private final double ceiling;
    private final double releaseCoef;
    private double gain = 1.0;

    public Limiter(int channels, int sampleRate, double ceilingDb, double releaseMs, double inputGainDb) {
        this.channels = channels;
        this.inputGain = Decibels.toLinear(inputGainDb);
        this.ceiling = Decibels.toLinear(ceilingDb);
        this.releaseCoef = Math.exp(-1.0 / (Math.max(releaseMs, 0.01) * 0.001 * sampleRate));
    }

    @Override
    public void process(float[] buffer, int frames) {
        float limit = (float) ceiling;
        for (int f = 0, base = 0; f < frames; f++, base += channels) {
            double peak = 0;
            for (int c = 0; c < channels; c++) {
                peak = Math.max(peak, Math.abs(buffer[base + c] * inputGain));
            }
            double wanted = peak > ceiling ? ceiling / peak : 1.0;
            gain = wanted < gain ? wanted : wanted + releaseCoef * (gain - wanted);
            double g = gain * inputGain;
            for (int c = 0; c < channels; c++) {
                float y = (float) (buffer[base + c] * g);
                buffer[base + c] = Math.max(-limit, Math.min(limit, y));
            }
        }
    }
}
