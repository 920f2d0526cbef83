package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.Compressor;
import dev.gainstage.adapter.sim.dsp.Equalizer;
import dev.gainstage.adapter.sim.dsp.Gain;
import dev.gainstage.adapter.sim.dsp.GainParam;
import dev.gainstage.adapter.sim.dsp.Limiter;
import dev.gainstage.adapter.sim.dsp.Processor;
import dev.gainstage.adapter.sim.dsp.Saturator;
import dev.gainstage.proto.v1.PluginClass;
import dev.gainstage.proto.v1.SimCompressor;
import dev.gainstage.proto.v1.SimEqBand;
import dev.gainstage.proto.v1.SimLimiter;
import dev.gainstage.proto.v1.SimProcessor;

/**
 * The built-in processors: their parameter checks, the defaults the proto documents for fields
 * left at 0, and construction. Kept in one place so the two cannot disagree.
 */
final class Plugins {
    static final double DEFAULT_RATIO = 4;
    static final double DEFAULT_ATTACK_MS = 10;
    static final double DEFAULT_RELEASE_MS = 100;
    static final double DEFAULT_CEILING_DB = -1;
    static final double DEFAULT_LIMITER_RELEASE_MS = 50;

    /**
     * A built processor and the gain a fix changes: its output level, except for the compressor,
     * whose makeup is what the user turns.
     */
    record Built(Processor processor, String uri, GainParam adjustable, String adjustableLabel) {}

    private Plugins() {}

    static void check(String at, SimProcessor p, int sampleRate) throws SimSessionException {
        switch (p.getKindCase()) {
            case GAIN -> SessionValidator.gain(at + ".gain.gain_db", p.getGain().getGainDb());
            case EQ -> {
                for (int i = 0; i < p.getEq().getBandsCount(); i++) {
                    SimEqBand band = p.getEq().getBands(i);
                    String b = at + ".eq.bands[" + i + "]";
                    switch (band.getType()) {
                        case SIM_BAND_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                            throw new SimSessionException(b + ".type: must be set");
                        default -> {}
                    }
                    SessionValidator.range(b + ".frequency_hz", band.getFrequencyHz(), 10, sampleRate / 2.0 * 0.95);
                    if (band.getQ() != 0) {
                        SessionValidator.range(b + ".q", band.getQ(), 0.05, 50);
                    }
                    SessionValidator.range(b + ".gain_db", band.getGainDb(), -48, 48);
                }
            }
            case COMPRESSOR -> {
                SimCompressor c = p.getCompressor();
                SessionValidator.range(at + ".compressor.threshold_db", c.getThresholdDb(), -96, 24);
                if (c.getRatio() != 0) {
                    SessionValidator.range(at + ".compressor.ratio", c.getRatio(), 1, 100);
                }
                SessionValidator.range(at + ".compressor.attack_ms", c.getAttackMs(), 0, 5000);
                SessionValidator.range(at + ".compressor.release_ms", c.getReleaseMs(), 0, 5000);
                SessionValidator.gain(at + ".compressor.makeup_db", c.getMakeupDb());
            }
            case SATURATOR ->
                SessionValidator.range(
                        at + ".saturator.drive_db", p.getSaturator().getDriveDb(), -24, 60);
            case LIMITER -> {
                SimLimiter l = p.getLimiter();
                SessionValidator.range(at + ".limiter.ceiling_db", l.getCeilingDb(), -60, 0);
                SessionValidator.range(at + ".limiter.release_ms", l.getReleaseMs(), 0, 5000);
                SessionValidator.gain(at + ".limiter.input_gain_db", l.getInputGainDb());
            }
            case KIND_NOT_SET -> throw new SimSessionException(at + ": no processor kind (gain, eq, compressor, ...)");
        }
    }

    static Built create(SimProcessor p, int channels, int sampleRate, GainParam output) {
        return switch (p.getKindCase()) {
            case GAIN -> plain(new Gain(p.getGain().getGainDb(), channels), "sim:gain", output);
            case EQ -> plain(new Equalizer(p.getEq().getBandsList(), channels, sampleRate), "sim:eq", output);
            case COMPRESSOR -> {
                SimCompressor c = p.getCompressor();
                Compressor compressor = new Compressor(
                        channels,
                        sampleRate,
                        c.getThresholdDb(),
                        or(c.getRatio(), DEFAULT_RATIO),
                        or(c.getAttackMs(), DEFAULT_ATTACK_MS),
                        or(c.getReleaseMs(), DEFAULT_RELEASE_MS),
                        new GainParam(c.getMakeupDb()));
                yield new Built(compressor, "sim:compressor", compressor.makeup(), "makeup");
            }
            case SATURATOR -> plain(new Saturator(p.getSaturator().getDriveDb(), channels), "sim:saturator", output);
            case LIMITER -> {
                SimLimiter l = p.getLimiter();
                yield plain(
                        new Limiter(
                                channels,
                                sampleRate,
                                or(l.getCeilingDb(), DEFAULT_CEILING_DB),
                                or(l.getReleaseMs(), DEFAULT_LIMITER_RELEASE_MS),
                                l.getInputGainDb()),
                        "sim:limiter",
                        output);
            }
            case KIND_NOT_SET -> throw new IllegalArgumentException("validated sessions have a processor kind");
        };
    }

    /** What the processor is, as a DAW reports a plugin's class: the sim's saturator models analog drive. */
    static PluginClass pluginClass(SimProcessor p) {
        return switch (p.getKindCase()) {
            case GAIN -> PluginClass.PLUGIN_CLASS_UTILITY;
            case EQ -> PluginClass.PLUGIN_CLASS_EQ;
            case COMPRESSOR, LIMITER -> PluginClass.PLUGIN_CLASS_DYNAMICS;
            case SATURATOR -> PluginClass.PLUGIN_CLASS_SATURATION;
            case KIND_NOT_SET -> PluginClass.PLUGIN_CLASS_UNSPECIFIED;
        };
    }

    /** The category word the sim gives, as Ardour gives an LV2 plugin's ("EQ", "Distortion"). */
    static String category(SimProcessor p) {
        return switch (p.getKindCase()) {
            case GAIN -> "Utility";
            case EQ -> "EQ";
            case COMPRESSOR -> "Compressor";
            case LIMITER -> "Limiter";
            case SATURATOR -> "Saturator (analog-modelled)";
            case KIND_NOT_SET -> "";
        };
    }

    private static Built plain(Processor processor, String uri, GainParam output) {
        return new Built(processor, uri, output, "output");
    }

    /** proto3 cannot tell 0 from unset: the proto documents 0 as "use the default" for these fields. */
    private static double or(double value, double fallback) {
        return value != 0 ? value : fallback;
    }
}
