package dev.gainstage.engine.session;

import java.util.Optional;

/** What became of a compare request, and the comparison running after it (empty once ended or never started). */
public record CompareOutcome(boolean applied, String message, Optional<Comparison> comparison) {
    static CompareOutcome refused(String why, Optional<Comparison> running) {
        return new CompareOutcome(false, why, running);
    }
}
