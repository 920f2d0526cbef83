package dev.gainstage.adapter.sim.dsp;

/**
 * Applies a {@link GainParam} to a block. A changed value is reached by a linear ramp across one
 * block, so a fix applied while audio plays does not click; from the next block on the level is
 * exactly the new value. Render-thread only.
 */
public final class RampedGain {
    private final GainParam param;
    private double lastDb;
    private double target;
    private double current;

    public RampedGain(GainParam param) {
        this.param = param;
        this.lastDb = param.db();
        this.target = Decibels.toLinear(lastDb);
        this.current = target;
    }

    public GainParam param() {
        return param;
    }

    /** {@code out[i] = in[i] · gain} for {@code frames · channels} samples; in and out may be the same array. */
    public void apply(float[] in, float[] out, int channels, int frames) {
        double db = param.db();
        if (db != lastDb) {
            // pow only when the value changed: keeps the per-block cost at one volatile read.
            lastDb = db;
            target = Decibels.toLinear(db);
        }
        int n = frames * channels;
        if (current == target) {
            float g = (float) current;
            if (g == 1.0f && in == out) {
                return;
            }
            for (int i = 0; i < n; i++) {
                out[i] = in[i] * g;
            }
            return;
        }
        double step = (target - current) / frames;
        double g = current;
        for (int f = 0, i = 0; f < frames; f++) {
            g += step;
            for (int c = 0; c < channels; c++, i++) {
                out[i] = (float) (in[i] * g);
            }
        }
        current = target;
    }
}
