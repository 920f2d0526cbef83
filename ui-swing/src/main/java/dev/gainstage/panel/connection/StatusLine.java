package dev.gainstage.panel.connection;

/**
 * The status bar's connection line and the window title's state word, from the sidecar's state and the DAW's: one of
 * connecting, sidecar up with no DAW session or none attached, DAW attached, DAW gone (with the time since), sidecar
 * gone. {@code live} is false when the levels shown are no longer being measured (DAW or sidecar gone).
 */
public record StatusLine(String text, boolean ok, boolean live, String titleWord) {
    public static StatusLine of(ConnectionState c, DawState daw) {
        return switch (c.kind()) {
            case CONNECTING -> new StatusLine("\u25CB " + c.detail(), false, true, "connecting");
            case RECONNECTING ->
                new StatusLine("\u25CC sidecar gone, reconnecting: " + c.detail(), false, false, "reconnecting");
            case CONNECTED ->
                switch (daw.kind()) {
                    case NO_SESSION -> new StatusLine("\u25CF " + c.detail(), true, true, "connected");
                    case NOT_ATTACHED, ATTACHED ->
                        new StatusLine("\u25CF " + c.detail() + " \u00B7 " + daw.text(), true, true, "connected");
                    case GONE ->
                        new StatusLine("\u25CC " + daw.text() + " \u00B7 " + c.detail(), false, false, "DAW gone");
                };
        };
    }
}
