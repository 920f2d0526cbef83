package dev.gainstage.adapter.sim.dsp;

/**
 * Synthesised kick, snare and hi-hat voices and a four-bar rock pattern for them. Each hit is added
 * into the buffer on its own, so hits overlap naturally and a tail past the pattern's end can be
 * folded back to its start.
 */
final class DrumKit {
    static final double DEFAULT_KICK_HZ = 50;

    private final float[] out;
    private final Groove groove;
    private final SplitMix64 rng;
    private final double sr;

    DrumKit(float[] out, Groove groove, SplitMix64 rng) {
        this.out = out;
        this.groove = groove;
        this.rng = rng;
        this.sr = groove.sampleRate();
    }

    /** Kick on 1, the "and" of 2 and 3; in the last bar also on 4 (with the snare) and its "and". */
    void kickPattern(double hz, double level) {
        for (int bar = 0; bar < Groove.BARS; bar++) {
            double b = bar * Groove.BEATS_PER_BAR;
            kick(b, hz, level);
            kick(b + 1.5, hz, level * 0.85);
            kick(b + 2, hz, level * 0.95);
            if (bar == Groove.BARS - 1) {
                kick(b + 3, hz, level);
                kick(b + 3.5, hz, level * 0.8);
            }
        }
    }

    /** Backbeat on 2 and 4, with ghost notes. */
    void snarePattern(double level) {
        for (int bar = 0; bar < Groove.BARS; bar++) {
            double b = bar * Groove.BEATS_PER_BAR;
            snare(b + 1, level);
            snare(b + 3, level);
            if (bar % 2 == 1) {
                snare(b + 2.75, level * 0.3);
            }
            if (bar == Groove.BARS - 1) {
                snare(b + 3.75, level * 0.5);
            }
        }
    }

    /** Eighth notes, accented on the beat, an open hat on the "and" of 4 of the last bar. */
    void hatPattern(double level) {
        for (int eighth = 0; eighth < Groove.BARS * Groove.BEATS_PER_BAR * 2; eighth++) {
            boolean open = eighth == Groove.BARS * Groove.BEATS_PER_BAR * 2 - 1;
            double accent = eighth % 2 == 0 ? 1.0 : 0.6;
            hat(eighth * 0.5, level * accent * (0.9 + 0.1 * rng.nextDouble()), open);
        }
    }

    /** A sine whose pitch drops quickly from 3.5× to its fundamental, with a short click. */
    private void kick(double beat, double hz, double level) {
        int start = groove.frame(beat);
        int length = groove.seconds(0.5);
        double phase = 0;
        for (int n = 0; n < length; n++) {
            double t = n / sr;
            double f = hz * (1 + 2.5 * Math.exp(-t / 0.03));
            phase += 2 * Math.PI * f / sr;
            double attack = Math.min(1, t / 0.001);
            double body = Math.sin(phase) * Math.exp(-t / 0.2) * attack;
            double click = 0.3 * rng.nextSigned() * Math.exp(-t / 0.002);
            out[start + n] += (float) (level * (body + click));
        }
    }

    /** Two damped drum-head modes plus high-passed noise for the wires. */
    private void snare(double beat, double level) {
        int start = groove.frame(beat);
        int length = groove.seconds(0.4);
        Biquad wires = new Biquad().highPass(sr, 1800, 0.7);
        for (int n = 0; n < length; n++) {
            double t = n / sr;
            double head = 0.6 * Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t / 0.05)
                    + 0.3 * Math.sin(2 * Math.PI * 330 * t) * Math.exp(-t / 0.035);
            double noise = 0.8 * wires.tick(rng.nextSigned()) * Math.exp(-t / 0.12);
            out[start + n] += (float) (level * (head + noise) * Math.min(1, t / 0.0005));
        }
    }

    /** High-passed noise with a metallic band, closed (short) or open (long). */
    private void hat(double beat, double level, boolean open) {
        int start = groove.frame(beat);
        double decay = open ? 0.25 : 0.035;
        int length = groove.seconds(decay * 7);
        Biquad air = new Biquad().highPass(sr, 7000, 0.7);
        Biquad ring = new Biquad().bandPass(sr, 10000, 3);
        for (int n = 0; n < length; n++) {
            double t = n / sr;
            double x = rng.nextSigned();
            double y = air.tick(x) + 0.7 * ring.tick(x);
            out[start + n] += (float) (level * y * Math.exp(-t / decay));
        }
    }
}
