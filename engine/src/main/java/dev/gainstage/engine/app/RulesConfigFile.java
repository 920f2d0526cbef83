package dev.gainstage.engine.app;

import com.google.protobuf.TextFormat;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.engine.rules.RuleLayers;
import dev.gainstage.engine.rules.RuleOverrides;
import dev.gainstage.engine.transport.protos.RulesConfigProtos;
import dev.gainstage.proto.v1.RulesConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads rule thresholds from a {@code RulesConfig} .textproto file over the defaults. */
public final class RulesConfigFile {
    private RulesConfigFile() {}

    /** @throws IOException naming the file and the problem (unreadable, not a RulesConfig, an absurd threshold) */
    public static RuleConfig load(Path file) throws IOException {
        return new RuleLayers(loadOverrides(file, ""), RuleOverrides.NONE).effective();
    }

    /**
     * The thresholds the file sets, checked over the defaults; {@code prefix} (e.g. the flag) goes
     * before every message.
     */
    public static RuleOverrides loadOverrides(Path file, String prefix) throws IOException {
        try {
            return read(file);
        } catch (IOException e) {
            throw new IOException(prefix + e.getMessage(), e);
        }
    }

    private static RuleOverrides read(Path file) throws IOException {
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
            RuleOverrides set = RulesConfigProtos.overrides(b.build());
            new RuleLayers(set, RuleOverrides.NONE).effective(); // refuses an absurd threshold by name
            return set;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
