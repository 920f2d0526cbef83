package dev.gainstage.adapter.sim.dsp;

/** One sustained chord per bar: three detuned saws per note through a low-pass, slow attack and release. */
final class PadChords {
    static final double DEFAULT_ROOT_HZ = 220;

    private static final double[] DETUNE_CENTS = {-9, 0, 8};

    private PadChords() {}

    static void render(float[] out, Groove groove, double rootHz, SplitMix64 rng) {
        for (int bar = 0; bar < Groove.BARS; bar++) {
            int[] chord = Groove.triad(bar);
            int start = groove.frame(bar * Groove.BEATS_PER_BAR);
            note(out, groove, start, Groove.hz(rootHz, chord[0] - 12), rng);
            for (int semis : chord) {
                note(out, groove, start, Groove.hz(rootHz, semis), rng);
            }
        }
    }

    private static void note(float[] out, Groove groove, int start, double hz, SplitMix64 rng) {
        double sr = groove.sampleRate();
        int gate = groove.frame(Groove.BEATS_PER_BAR);
        int release = groove.seconds(0.9);
        Saw[] saws = new Saw[DETUNE_CENTS.length];
        for (int i = 0; i < saws.length; i++) {
            saws[i] = new Saw(rng.nextDouble());
            saws[i].frequency(Groove.hz(hz, DETUNE_CENTS[i] / 100), sr);
        }
        Biquad filter = new Biquad().lowPass(sr, 1800, 0.7);
        double attackTau = 0.25 * sr;
        double releaseTau = 0.2 * sr;
        double atGate = 1 - Math.exp(-gate / attackTau);
        for (int n = 0; n < gate + release; n++) {
            double env = n < gate ? 1 - Math.exp(-n / attackTau) : atGate * Math.exp(-(n - gate) / releaseTau);
            double x = 0;
            for (Saw saw : saws) {
                x += saw.next();
            }
            out[start + n] += (float) (env * filter.tick(x));
        }
    }
}
