package dev.gainstage.panel.connection;

/** What the panel knows of its sidecar, shown in the status bar. */
public record ConnectionState(Kind kind, String detail) {
    public enum Kind {
        CONNECTING,
        CONNECTED,
        RECONNECTING
    }

    public static ConnectionState connecting(String address) {
        return new ConnectionState(Kind.CONNECTING, "connecting to the sidecar at " + address);
    }
}
