package dev.gainstage.engine.session;

/** A tap batch that was refused whole; none of its blocks was metered. */
public final class TapBlockException extends Exception {
    private final String field;
    private final boolean unknownHandle;

    public TapBlockException(String field, String message, boolean unknownHandle) {
        super(message);
        this.field = field;
        this.unknownHandle = unknownHandle;
    }

    public String field() {
        return field;
    }

    public boolean unknownHandle() {
        return unknownHandle;
    }
}
