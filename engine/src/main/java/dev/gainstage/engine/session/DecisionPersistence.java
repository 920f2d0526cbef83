package dev.gainstage.engine.session;

import java.io.IOException;

/** Where a session's decisions are kept between runs of the sidecar. */
public interface DecisionPersistence {
    /** What loading found; {@code problem} is non-empty when a saved file had to be set aside. */
    record Loaded(Decisions decisions, String problem) {}

    Loaded load(String sessionKey) throws IOException;

    void save(String sessionKey, Decisions decisions) throws IOException;
}
