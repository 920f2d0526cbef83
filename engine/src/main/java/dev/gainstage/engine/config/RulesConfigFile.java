package dev.gainstage.engine.config;

import com.google.protobuf.TextFormat;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.proto.v1.RulesConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads rule thresholds from a {@code RulesConfig} .textproto file over the defaults. */
public final class RulesConfigFile {
    private RulesConfigFile() {
    }

    /** @throws IOException naming the file and the problem (unreadable, not a RulesConfig, an absurd threshold) */
    public static RuleConfig load(Path file) throws IOException {
        return load(file, "");
    }

    /** As {@link #load(Path)}, with {@code prefix} (e.g. the flag) before every message. */
    public static RuleConfig load(Path file, String prefix) throws IOException {
        try {
            return read(file);
        } catch (IOException e) {
            throw new IOException(prefix + e.getMessage(), e);
        }
    }

    private static RuleConfig read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        RulesConfig.Builder b = RulesConfig.newBuilder();
        try {
            TextFormat.getParser().merge(text, b);
        } catch (TextFormat.ParseException e) {
            throw new IOException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
        try {
            return apply(b.build(), RuleConfig.defaults());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static RuleConfig apply(RulesConfig c, RuleConfig d) {
        return new RuleConfig(
                c.hasSourceHotPeakDbfs() ? c.getSourceHotPeakDbfs() : d.sourceHotPeakDbfs(),
                c.hasSourceTargetPeakDbfs() ? c.getSourceTargetPeakDbfs() : d.sourceTargetPeakDbfs(),
                c.hasSourceClipPeakDbfs() ? c.getSourceClipPeakDbfs() : d.sourceClipPeakDbfs(),
                c.hasSourceQuietPeakDbfs() ? c.getSourceQuietPeakDbfs() : d.sourceQuietPeakDbfs(),
                c.hasQuietMinSignalSeconds() ? c.getQuietMinSignalSeconds() : d.quietMinSignalSeconds(),
                c.hasNoiseFloorMarginDb() ? c.getNoiseFloorMarginDb() : d.noiseFloorMarginDb(),
                c.hasPluginMismatchDb() ? c.getPluginMismatchDb() : d.pluginMismatchDb(),
                c.hasPluginInputPeakDbfs() ? c.getPluginInputPeakDbfs() : d.pluginInputPeakDbfs(),
                c.hasPluginInputRmsDbfs() ? c.getPluginInputRmsDbfs() : d.pluginInputRmsDbfs(),
                c.hasPluginOutputPeakDbfs() ? c.getPluginOutputPeakDbfs() : d.pluginOutputPeakDbfs(),
                c.hasBusPeakDbfs() ? c.getBusPeakDbfs() : d.busPeakDbfs(),
                c.hasMasterPeakDbfs() ? c.getMasterPeakDbfs() : d.masterPeakDbfs(),
                c.hasMasterHeadroomPeakDbfs() ? c.getMasterHeadroomPeakDbfs() : d.masterHeadroomPeakDbfs(),
                c.hasFaderMaxDb() ? c.getFaderMaxDb() : d.faderMaxDb(),
                c.hasFaderMinDb() ? c.getFaderMinDb() : d.faderMinDb(),
                c.hasRaiseAfterSeconds() ? c.getRaiseAfterSeconds() : d.raiseAfterSeconds(),
                c.hasClearAfterSeconds() ? c.getClearAfterSeconds() : d.clearAfterSeconds(),
                c.hasClearMarginDb() ? c.getClearMarginDb() : d.clearMarginDb());
    }
}
