package dev.gainstage.adapter.sim.dsp;

import dev.gainstage.proto.v1.SimGenerator;
import dev.gainstage.proto.v1.SimGeneratorType;

/**
 * Builds a track's generated source.
 *
 * <p>Every generator except the sine is rendered once, at load, into a mono table holding one
 * four-bar pattern (the whole loop when {@code loop_seconds} is shorter). Tails that ring past the
 * pattern's end are folded back onto its start, so the table loops seamlessly as if the pattern
 * had always been playing. The table is then scaled so its sample peak is exactly {@code
 * peak_dbfs}: what the tests and the demo's mis-staged sources depend on. Playback is a copy.
 */
public final class Generators {
    public static final double DEFAULT_TEMPO_BPM = 110;
    public static final double DEFAULT_SINE_HZ = 1000;
    private static final double TAIL_SECONDS = 2;

    private Generators() {}

    /** @param loopFrames restart the source every this many frames; 0: repeat the pattern forever */
    public static SignalSource create(SimGenerator g, int sampleRate, long loopFrames) {
        double peak = Decibels.toLinear(g.getPeakDbfs());
        if (g.getType() == SimGeneratorType.SIM_SINE) {
            double hz = g.getFrequencyHz() > 0 ? g.getFrequencyHz() : DEFAULT_SINE_HZ;
            return new SineSource(hz, peak, sampleRate, loopFrames);
        }
        return new LoopedTable(table(g, sampleRate, loopFrames, peak), 1, loopFrames, true);
    }

    private static float[] table(SimGenerator g, int sampleRate, long loopFrames, double peak) {
        Groove groove = new Groove(sampleRate, g.getTempoBpm() > 0 ? g.getTempoBpm() : DEFAULT_TEMPO_BPM);
        int period = groove.periodFrames();
        int tail = groove.seconds(TAIL_SECONDS);
        float[] rendered = new float[period + tail];
        render(g, groove, rendered, period);
        for (int i = 0; i < tail; i++) {
            rendered[i % period] += rendered[period + i];
        }
        float[] table = new float[loopFrames > 0 ? (int) Math.min(period, loopFrames) : period];
        System.arraycopy(rendered, 0, table, 0, table.length);
        normalize(table, peak);
        return table;
    }

    private static void render(SimGenerator g, Groove groove, float[] out, int period) {
        SplitMix64 rng = new SplitMix64(g.getSeed());
        double hz = g.getFrequencyHz();
        switch (g.getType()) {
            case SIM_PINK_NOISE -> PinkNoise.render(out, period, rng);
            case SIM_KICK -> new DrumKit(out, groove, rng).kickPattern(or(hz, DrumKit.DEFAULT_KICK_HZ), 1);
            case SIM_SNARE -> new DrumKit(out, groove, rng).snarePattern(1);
            case SIM_HATS -> new DrumKit(out, groove, rng).hatPattern(1);
            case SIM_DRUMS -> {
                DrumKit kit = new DrumKit(out, groove, rng);
                kit.kickPattern(or(hz, DrumKit.DEFAULT_KICK_HZ), 1);
                kit.snarePattern(0.6);
                kit.hatPattern(0.2);
            }
            case SIM_BASS -> BassLine.render(out, groove, or(hz, BassLine.DEFAULT_ROOT_HZ));
            case SIM_KEYS -> KeyStabs.render(out, groove, or(hz, KeyStabs.DEFAULT_ROOT_HZ), rng);
            case SIM_PAD -> PadChords.render(out, groove, or(hz, PadChords.DEFAULT_ROOT_HZ), rng);
            case SIM_VOCAL -> VocalSynth.render(out, groove, or(hz, VocalSynth.DEFAULT_ROOT_HZ), rng);
            case SIM_SINE, SIM_GENERATOR_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                throw new IllegalArgumentException("not a tabled generator: " + g.getType());
        }
    }

    private static double or(double value, double fallback) {
        return value > 0 ? value : fallback;
    }

    private static void normalize(float[] table, double peak) {
        float max = 0;
        for (float s : table) {
            max = Math.max(max, Math.abs(s));
        }
        if (max == 0) {
            return;
        }
        double scale = peak / max;
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (table[i] * scale);
        }
    }
}
