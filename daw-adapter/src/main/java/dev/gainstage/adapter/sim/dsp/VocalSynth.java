package dev.gainstage.adapter.sim.dsp;

/**
 * A "formant-ish" singer: a glottal-like source (band-limited saw, softened by a one-pole low-pass,
 * plus breath noise) with vibrato, through three band-pass formant filters that glide between
 * vowels. It sings four phrases per pattern on a minor pentatonic, with short breaths between them.
 */
final class VocalSynth {
    static final double DEFAULT_ROOT_HZ = 220;

    /** Formants F1..F3 in Hz (Peterson and Barney averages) for a, e, i, o, u. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {530, 1840, 2480}, {270, 2290, 3010}, {570, 840, 2410}, {300, 870, 2240},
    };

    private static final double[] FORMANT_GAIN = {1.0, 0.5, 0.3};
    private static final double[] FORMANT_Q = {8, 12, 15};
    private static final int[] PENTATONIC = {0, 3, 5, 7, 10, 12, 15};
    /** Phrases as {first beat, last beat}: four per pattern, a breath of about a beat between them. */
    private static final double[][] PHRASES = {{0, 3}, {4, 7.25}, {8, 10.5}, {11.5, 15}};

    private static final int UPDATE = 16; // samples between filter coefficient updates

    private final float[] out;
    private final Groove groove;
    private final double sr;
    private final SplitMix64 rng;

    private VocalSynth(float[] out, Groove groove, SplitMix64 rng) {
        this.out = out;
        this.groove = groove;
        this.sr = groove.sampleRate();
        this.rng = rng;
    }

    static void render(float[] out, Groove groove, double rootHz, SplitMix64 rng) {
        VocalSynth singer = new VocalSynth(out, groove, rng);
        int degree = 2;
        for (double[] phrase : PHRASES) {
            degree = singer.phrase(phrase[0], phrase[1], rootHz, degree);
        }
    }

    /** Sings one phrase from its notes (a random walk over the scale); returns the last degree. */
    private int phrase(double firstBeat, double lastBeat, double rootHz, int degree) {
        int start = groove.frame(firstBeat);
        int end = groove.frame(lastBeat);
        int notes = (int) Math.round((lastBeat - firstBeat) / 0.75);
        double[] pitch = new double[notes];
        int[] vowel = new int[notes];
        for (int i = 0; i < notes; i++) {
            degree = Math.max(0, Math.min(PENTATONIC.length - 1, degree + rng.nextInt(5) - 2));
            pitch[i] = Groove.hz(rootHz, PENTATONIC[degree]);
            vowel[i] = rng.nextInt(VOWELS.length);
        }
        sing(start, end, pitch, vowel);
        return degree;
    }

    private void sing(int start, int end, double[] pitch, int[] vowel) {
        int length = end - start;
        int noteLength = length / pitch.length;
        int release = groove.seconds(0.12);
        Saw glottis = new Saw(0);
        Biquad[] formants = {new Biquad(), new Biquad(), new Biquad()};
        double[] f = VOWELS[vowel[0]].clone();
        double hz = pitch[0];
        double lowPass = 0;
        double glide = 1 - Math.exp(-1 / (0.04 * sr));
        double vowelGlide = 1 - Math.exp(-UPDATE / (0.06 * sr));
        double softness = Math.exp(-2 * Math.PI * 2500 / sr);
        for (int n = 0; n < length + release; n++) {
            int note = Math.min(n / noteLength, pitch.length - 1);
            double inNote = (n - note * noteLength) / sr;
            hz += (pitch[note] - hz) * glide;
            double vibrato =
                    Math.min(1, Math.max(0, (inNote - 0.15) / 0.2)) * 0.35 * Math.sin(2 * Math.PI * 5.3 * n / sr);
            glottis.frequency(Groove.hz(hz, vibrato), sr);
            if (n % UPDATE == 0) {
                double[] target = VOWELS[vowel[note]];
                for (int k = 0; k < 3; k++) {
                    f[k] += (target[k] - f[k]) * vowelGlide;
                    formants[k].bandPass(sr, f[k], FORMANT_Q[k]);
                }
            }
            lowPass = glottis.next() * (1 - softness) + lowPass * softness;
            double source = lowPass + 0.03 * rng.nextSigned();
            double y = 0;
            for (int k = 0; k < 3; k++) {
                y += FORMANT_GAIN[k] * formants[k].tick(source);
            }
            double env = Math.min(1, n / (0.05 * sr)) * (n < length ? 1 : Math.exp(-(n - length) / (0.03 * sr)));
            out[start + n] += (float) (env * y);
        }
    }
}
