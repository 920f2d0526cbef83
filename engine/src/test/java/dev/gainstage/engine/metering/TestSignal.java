package dev.gainstage.engine.metering;

import java.util.ArrayList;
import java.util.List;

/**
 * Test signals made of consecutive sine segments (levels in dBFS peak, phase-continuous), the form
 * every EBU Tech 3341/3342 synthetic case takes, fed to a meter in blocks without holding the whole
 * signal in memory.
 */
final class TestSignal {
    record Segment(double dbfs, double seconds) {}

    private final int sampleRate;
    private final int channels;
    private final double hz;
    private final double phaseRadians;
    private final List<Segment> segments = new ArrayList<>();
    private double[] channelGains;
    private double fadeInSeconds;

    private TestSignal(int sampleRate, int channels, double hz, double phaseRadians) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.hz = hz;
        this.phaseRadians = phaseRadians;
        this.channelGains = new double[channels];
        java.util.Arrays.fill(channelGains, 1);
    }

    static TestSignal sine(int sampleRate, int channels, double hz) {
        return new TestSignal(sampleRate, channels, hz, 0);
    }

    static TestSignal sine(int sampleRate, int channels, double hz, double phaseDegrees) {
        return new TestSignal(sampleRate, channels, hz, Math.toRadians(phaseDegrees));
    }

    TestSignal then(double dbfs, double seconds) {
        segments.add(new Segment(dbfs, seconds));
        return this;
    }

    /** Per-channel linear gains (e.g. 0 for a silent channel, -1 for inverted polarity). */
    TestSignal channelGains(double... gains) {
        this.channelGains = gains.clone();
        return this;
    }

    /** A raised-cosine fade-in at the start, so an abrupt onset's reconstruction overshoot is not measured. */
    TestSignal fadeIn(double seconds) {
        this.fadeInSeconds = seconds;
        return this;
    }

    /** Segment boundaries are rounded to whole samples, as a file of the signal would be. */
    long totalFrames() {
        long n = 0;
        for (Segment s : segments) {
            n += Math.round(s.seconds() * sampleRate);
        }
        return n;
    }

    float[] render() {
        float[] out = new float[Math.toIntExact(totalFrames() * channels)];
        long frame = 0;
        int i = 0;
        for (Segment s : segments) {
            double amplitude = s.dbfs() == Double.NEGATIVE_INFINITY ? 0 : Math.pow(10, s.dbfs() / 20);
            long n = Math.round(s.seconds() * sampleRate);
            for (long k = 0; k < n; k++, frame++) {
                double v = amplitude * Math.sin(2 * Math.PI * hz * frame / sampleRate + phaseRadians);
                double t = frame / (double) sampleRate;
                if (t < fadeInSeconds) {
                    v *= 0.5 - 0.5 * Math.cos(Math.PI * t / fadeInSeconds);
                }
                for (int c = 0; c < channels; c++) {
                    out[i++] = (float) (v * channelGains[c]);
                }
            }
        }
        return out;
    }

    /** Renders and feeds the signal in blocks of {@code blockFrames}. */
    StageMeter feed(StageMeter meter, int blockFrames) {
        float[] all = render();
        long total = all.length / channels;
        for (long f = 0; f < total; f += blockFrames) {
            int n = (int) Math.min(blockFrames, total - f);
            meter.process(all, (int) (f * channels), n);
        }
        return meter;
    }

    MeterReading measure() {
        StageMeter meter = new StageMeter(MeterOptions.defaults());
        meter.initialize(sampleRate, channels, 1024);
        return feed(meter, 1024).reading();
    }
}
