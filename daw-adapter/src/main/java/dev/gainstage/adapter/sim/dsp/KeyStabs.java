package dev.gainstage.adapter.sim.dsp;

/** Off-beat chord stabs with an electric-piano-like tone: decaying harmonic partials. */
final class KeyStabs {
    static final double DEFAULT_ROOT_HZ = 220;

    private static final double[] STAB_BEATS = {0.5, 1.5, 2.5, 3.25};
    private static final double[] PARTIALS = {1.0, 0.4, 0.18, 0.08};

    private KeyStabs() {}

    static void render(float[] out, Groove groove, double rootHz, SplitMix64 rng) {
        for (int bar = 0; bar < Groove.BARS; bar++) {
            int[] chord = Groove.triad(bar);
            for (double beat : STAB_BEATS) {
                int start = groove.frame(bar * Groove.BEATS_PER_BAR + beat);
                double velocity = 0.8 + 0.2 * rng.nextDouble();
                for (int semis : chord) {
                    note(out, groove, start, Groove.hz(rootHz, semis), velocity);
                }
                note(out, groove, start, Groove.hz(rootHz, chord[0] + 12), velocity * 0.6);
            }
        }
    }

    private static void note(float[] out, Groove groove, int start, double hz, double velocity) {
        double sr = groove.sampleRate();
        int gate = groove.frame(0.3);
        int length = gate + groove.seconds(0.08);
        for (int n = 0; n < length; n++) {
            double t = n / sr;
            double x = 0;
            for (int k = 0; k < PARTIALS.length; k++) {
                // Higher partials die faster: the stab starts bright and mellows.
                x += PARTIALS[k] * Math.sin(2 * Math.PI * hz * (k + 1) * t) * Math.exp(-t * (k + 1) / 0.5);
            }
            double env = Math.min(1, t / 0.002) * (n < gate ? 1 : Math.exp(-(n - gate) / (0.015 * sr)));
            out[start + n] += (float) (velocity * env * x);
        }
    }
}
