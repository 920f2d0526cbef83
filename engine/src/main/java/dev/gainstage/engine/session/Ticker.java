package dev.gainstage.engine.session;

/**
 * A monotonic clock in nanoseconds, for the one thing a session times by the machine rather than by its audio: how
 * long it has been without an adapter (so an abandoned session is forgotten). The injector binds the system's; tests
 * bind one they move by hand.
 */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
