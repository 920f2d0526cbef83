package dev.gainstage.adapter.sim.dsp;

/**
 * An eighth-note bass riff on the chord roots: saw plus a sine sub at the same pitch, through a
 * low-pass whose cutoff falls after each note's attack (the usual "pluck" of a synth bass).
 */
final class BassLine {
    static final double DEFAULT_ROOT_HZ = 55;

    /** {beat in bar, length in beats, semitones above the chord root} */
    private static final double[][] RIFF = {
        {0, 0.7, 0}, {0.75, 0.25, 0}, {1.5, 0.45, 12}, {2, 0.7, 0}, {2.75, 0.25, 7}, {3, 0.45, 0}, {3.5, 0.45, 10},
    };

    private BassLine() {}

    static void render(float[] out, Groove groove, double rootHz) {
        for (int bar = 0; bar < Groove.BARS; bar++) {
            for (double[] note : RIFF) {
                double beat = bar * Groove.BEATS_PER_BAR + note[0];
                double hz = Groove.hz(rootHz, Groove.chordRoot(bar) + note[2]);
                note(out, groove, groove.frame(beat), groove.frame(note[1]), hz);
            }
        }
    }

    private static void note(float[] out, Groove groove, int start, int gate, double hz) {
        double sr = groove.sampleRate();
        int release = groove.seconds(0.03);
        Saw saw = new Saw(0);
        saw.frequency(hz, sr);
        Biquad filter = new Biquad();
        for (int n = 0; n < gate + release; n++) {
            double t = n / sr;
            if (n % 32 == 0) {
                // Coefficients every 32 samples: smooth enough for a falling cutoff, cheap.
                filter.lowPass(sr, 250 + 1600 * Math.exp(-t / 0.09), 1.1);
            }
            double env = Math.min(1, t / 0.003) * (n < gate ? 1 : Math.exp(-(n - gate) / (0.008 * sr)));
            double x = 0.55 * saw.next() + 0.8 * Math.sin(2 * Math.PI * hz * t);
            out[start + n] += (float) (env * filter.tick(x));
        }
    }
}
