package dev.gainstage.adapter.ardour.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a real part it needs (Ardour, JACK, a display) is missing: under scripts/test
 * and CI, which install or start every part, that is a failure naming the part; only a developer's
 * bare {@code ./mvnw verify} may skip. scripts/test sets GAINSTAGE_REQUIRE_REAL_PARTS=1 (unless asked to
 * allow skips); CI also sets CI.
 */
public final class RealParts {
    private RealParts() {}

    /** True when a missing part must fail the test rather than skip it. */
    public static boolean required() {
        return "1".equals(System.getenv("GAINSTAGE_REQUIRE_REAL_PARTS")) || System.getenv("CI") != null;
    }

    /** Fails (under scripts/test and CI) or skips (otherwise) with {@code missing} when {@code present} is false. */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (required()) {
            fail(missing + " (scripts/test installs what the tests need when run as root; "
                    + "GAINSTAGE_ALLOW_SKIP=1 scripts/test skips these tests instead)");
        }
        Assumptions.abort(missing + "; skipping");
    }
}
