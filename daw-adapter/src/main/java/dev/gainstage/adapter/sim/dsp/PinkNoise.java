package dev.gainstage.adapter.sim.dsp;

/** Pink noise: white noise through Paul Kellet's refined 1/f filter (within ±0.05 dB above 9 Hz). */
final class PinkNoise {
    private PinkNoise() {}

    static void render(float[] out, int frames, SplitMix64 rng) {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (int n = 0; n < frames; n++) {
            double white = rng.nextSigned();
            b0 = 0.99886 * b0 + white * 0.0555179;
            b1 = 0.99332 * b1 + white * 0.0750759;
            b2 = 0.96900 * b2 + white * 0.1538520;
            b3 = 0.86650 * b3 + white * 0.3104856;
            b4 = 0.55000 * b4 + white * 0.5329522;
            b5 = -0.7616 * b5 - white * 0.0168980;
            out[n] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362);
            b6 = white * 0.115926;
        }
    }
}
