package dev.gainstage.adapter.sim;

/** A sim session that cannot be loaded or rendered; the message names the field or id and the problem. */
public final class SimSessionException extends Exception {
    public SimSessionException(String message) {
        super(message);
    }

    public SimSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
