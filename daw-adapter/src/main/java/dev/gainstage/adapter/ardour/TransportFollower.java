package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.TransportState;
import java.io.IOException;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Tells the sidecar where Ardour's transport is on the tap stream: asks Ardour's playhead
 * ({@link ArdourTransport}) and anchors it to the JACK client's frame count at the time of the answer
 * (the tap blocks' sample positions). Ardour drives JACK's own transport only in some setups (synced to
 * JACK), and its other backends have none, so {@code jack_transport_query} is no source; its OSC surface
 * is. An anchor is sent when the
 * transport started, stopped or jumped (a locate, a loop) by more than {@link #JUMP_SECONDS} from where
 * the last anchor puts it, on a new sidecar stream, and when the JACK client started over.
 * Runs on the adapter's housekeeping thread.
 */
final class TransportFollower {
    private static final Logger LOG = Logger.getLogger(TransportFollower.class.getName());
    static final double JUMP_SECONDS = 0.05;
    private static final long ANSWER_MILLIS = 200;

    private final ArdourTransport transport;
    private final JackTapClient jack;
    private final Supplier<SidecarLink> link;

    private SidecarLink anchoredOn;
    private boolean rolling;
    private long transportAt;
    private long streamAt;
    private int rate;

    TransportFollower(ArdourTransport transport, JackTapClient jack, Supplier<SidecarLink> link) {
        this.transport = transport;
        this.jack = jack;
        this.link = link;
    }

    /** Asks Ardour once; sends an anchor when the transport is not where the last one puts it. */
    void poll() {
        poll(false);
    }

    /** Asks Ardour and sends an anchor whatever it says (after a locate). */
    void anchorNow() {
        poll(true);
    }

    private synchronized void poll(boolean force) {
        SidecarLink l = link.get();
        if (l == null || !jack.alive()) {
            return;
        }
        try {
            OptionalDouble speed = transport.speed(ANSWER_MILLIS);
            long before = jack.streamPosition();
            OptionalLong position = transport.position(ANSWER_MILLIS);
            long after = jack.streamPosition();
            if (position.isEmpty() || speed.isEmpty()) {
                return;
            }
            long stream = (before + after) / 2;
            boolean nowRolling = speed.getAsDouble() != 0;
            int nowRate = jack.sampleRate();
            long expected = rolling ? transportAt + (stream - streamAt) : transportAt;
            boolean jumped = Math.abs(position.getAsLong() - expected) > JUMP_SECONDS * nowRate;
            if (force || l != anchoredOn || nowRolling != rolling || nowRate != rate || stream < streamAt || jumped) {
                anchoredOn = l;
                rolling = nowRolling;
                transportAt = position.getAsLong();
                streamAt = stream;
                rate = nowRate;
                l.send(AdapterMessage.newBuilder()
                        .setTransport(TransportState.newBuilder()
                                .setRolling(nowRolling)
                                .setPositionSamples(transportAt)
                                .setSampleRate(nowRate)
                                .setStreamPosition(stream))
                        .build());
                LOG.fine(() -> "transport at " + transportAt + " (" + (rolling ? "rolling" : "stopped") + ") at stream "
                        + streamAt);
            }
        } catch (IOException e) {
            LOG.fine(() -> "could not ask Ardour's transport: " + e.getMessage());
        }
    }
}
