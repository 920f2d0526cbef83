package dev.gainstage.adapter.sim;

import com.google.protobuf.TextFormat;
import dev.gainstage.proto.v1.SimSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads sim sessions written in protobuf text format. */
public final class SimSessions {
    static final String DEMO_RESOURCE = "demo-session.textproto";

    private SimSessions() {}

    /** Parses a {@code .textproto}; a syntax error is reported as {@code file:line:column: problem}. */
    public static SimSession load(Path textproto) throws SimSessionException {
        String text;
        try {
            text = Files.readString(textproto, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SimSessionException(textproto + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, textproto.toString());
    }

    /** The built-in demo session: a small band, deliberately mis-staged so every staging rule fires. */
    public static SimSession demo() {
        try (InputStream in = SimSessions.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEMO_RESOURCE + " missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_RESOURCE);
        } catch (IOException | SimSessionException e) {
            // The demo ships inside the jar and is tested: failing here is a build defect, not user input.
            throw new IllegalStateException("built-in demo session is broken: " + e.getMessage(), e);
        }
    }

    static SimSession parse(String text, String origin) throws SimSessionException {
        SimSession.Builder builder = SimSession.newBuilder();
        try {
            TextFormat.getParser().merge(text, builder);
        } catch (TextFormat.ParseException e) {
            // The parser's message already starts with "line:column: ".
            String separator = e.getLine() >= 0 ? ":" : ": ";
            throw new SimSessionException(origin + separator + e.getMessage(), e);
        }
        return builder.build();
    }
}
