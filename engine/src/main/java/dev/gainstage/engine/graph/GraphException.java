package dev.gainstage.engine.graph;

/** A snapshot or change that the mirror refused; the mirror is unchanged when this is thrown. */
public final class GraphException extends Exception {
    /** Why it was refused; adapters map these to protocol error codes. */
    public enum Reason {
        SEQUENCE_GAP,
        UNKNOWN_ID,
        INVALID,
        NO_SNAPSHOT
    }

    private final Reason reason;
    private final String field;

    public GraphException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field == null ? "" : field;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending field's path, "" when none. */
    public String field() {
        return field;
    }

    /** After a gap or an unknown id the adapter's view and ours differ: only a snapshot fixes that. */
    public boolean resyncRequired() {
        return reason != Reason.INVALID;
    }
}
