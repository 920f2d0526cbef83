package dev.gainstage.panel.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.proto.v1.SessionView;
import org.junit.jupiter.api.Test;

/** The connection states the status bar tells apart, from the view and the sidecar's state, without a display. */
class DawStateTest {
    private static final ConnectionState UP = new ConnectionState(ConnectionState.Kind.CONNECTED, "connected to h:1");

    private static SessionView session(boolean connected) {
        return SessionView.newBuilder()
                .setSessionKey("sim:demo")
                .setAdapterConnected(connected)
                .setAdapterName("sim")
                .build();
    }

    @Test
    void eachStateInWords() {
        DawState none = DawState.of(SessionView.getDefaultInstance());
        assertEquals(DawState.Kind.NO_SESSION, none.kind());

        DawState notAttached = DawState.of(session(false));
        assertEquals(DawState.Kind.NOT_ATTACHED, notAttached.kind());
        assertEquals(
                "\u25CF connected to h:1 \u00B7 no DAW attached",
                StatusLine.of(UP, notAttached).text());

        DawState attached = DawState.of(
                session(true).toBuilder().setAdapterSilentSeconds(0.02).build());
        assertEquals(DawState.Kind.ATTACHED, attached.kind());
        StatusLine live = StatusLine.of(UP, attached);
        assertEquals("\u25CF connected to h:1 \u00B7 DAW attached (sim)", live.text());
        assertTrue(live.live());
        assertEquals("connected", live.titleWord());

        // attached, no audio yet: not gone
        assertEquals(DawState.Kind.ATTACHED, DawState.of(session(true)).kind());
    }

    @Test
    void aDawWhoseStreamEndedOrWhichFellSilentIsGoneWithTheTimeSince() {
        DawState ended = DawState.of(
                session(false).toBuilder().setAdapterSilentSeconds(12.4).build());
        assertEquals(DawState.Kind.GONE, ended.kind());
        StatusLine line = StatusLine.of(UP, ended);
        assertEquals("\u25CC DAW gone 0:12 ago, levels frozen \u00B7 connected to h:1", line.text());
        assertFalse(line.live(), "its levels are greyed");
        assertEquals("DAW gone", line.titleWord());

        DawState hung = DawState.of(
                session(true).toBuilder().setAdapterSilentSeconds(1.0).build());
        assertEquals(DawState.Kind.GONE, hung.kind(), "a second without audio while the stream stays open");
        assertEquals(
                DawState.Kind.ATTACHED,
                DawState.of(session(true).toBuilder()
                                .setAdapterSilentSeconds(0.9)
                                .build())
                        .kind());
    }

    @Test
    void aGoneSidecarFreezesTheLevelsToo() {
        StatusLine gone = StatusLine.of(
                new ConnectionState(ConnectionState.Kind.RECONNECTING, "sidecar not running at h:1"),
                DawState.of(session(true)));
        assertFalse(gone.live());
        assertTrue(gone.text().startsWith("\u25CC sidecar gone, reconnecting: sidecar not running at h:1"));
        assertEquals("reconnecting", gone.titleWord());
    }

    @Test
    void theTimeSinceReadsAsAClock() {
        assertEquals("0:00", DawState.clock(0.4));
        assertEquals("0:09", DawState.clock(9.99));
        assertEquals("1:05", DawState.clock(65));
        assertEquals("1:00:01", DawState.clock(3601));
    }
}
