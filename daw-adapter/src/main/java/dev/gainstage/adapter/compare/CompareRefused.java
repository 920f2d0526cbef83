package dev.gainstage.adapter.compare;

/** A compare step the DAW could not take, with the reason in one line; nothing of that step was changed. */
public final class CompareRefused extends Exception {
    public CompareRefused(String message) {
        super(message);
    }
}
