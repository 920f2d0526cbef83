package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.Hello;
import dev.gainstage.proto.v1.ProtocolError;
import dev.gainstage.proto.v1.SessionSnapshot;
import dev.gainstage.proto.v1.Strip;
import dev.gainstage.proto.v1.TransportState;
import io.grpc.Status;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The sidecar's copy of the Ardour session: one Attach stream per session, opened when the bridge first names
 * it (again when Ardour opens another); a snapshot on every (re)connect, then the graph's changes as ordered
 * deltas, and the transport. Its state is guarded by one lock: frames arrive on the adapter's control thread,
 * the sidecar's callbacks on gRPC threads.
 */
final class SessionMirror implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SessionMirror.class.getName());

    private final SidecarAddress sidecar;
    private final Consumer<TapTable> onTaps;
    private final Consumer<FixRequest> onFix;
    private final Consumer<DawLocateRequest> onLocate;
    private final Compares compares;
    private final Object lock = new Object();

    private volatile ArdourSession current;
    private volatile SidecarLink link;
    private volatile long snapshotsSent;
    private volatile boolean closed;
    // under lock
    private List<Strip> sent; // what the sidecar mirrors on the current stream; null: it needs a snapshot
    private long sequence;
    private boolean rollingSent;
    private boolean ardourGone;

    /**
     * @param onTaps called (on a gRPC thread) when the sidecar asks for other taps
     * @param onFix  called (on a gRPC thread) with each fix the sidecar asks for
     * @param onLocate called (on a gRPC thread) with each playhead move the sidecar asks for; null: refused
     * @param compares told of compare steps and of the stream's end
     */
    SessionMirror(
            SidecarAddress sidecar,
            Consumer<TapTable> onTaps,
            Consumer<FixRequest> onFix,
            Consumer<DawLocateRequest> onLocate,
            Compares compares) {
        this.sidecar = sidecar;
        this.onTaps = onTaps;
        this.onFix = onFix;
        this.onLocate = onLocate;
        this.compares = compares;
    }

    /** What the adapter does with the sidecar's compare steps, and with the end of a stream (on gRPC threads). */
    interface Compares {
        void onCompare(CompareCommand command);

        /** The stream to the sidecar ended: a comparison it started must be put back. */
        void streamEnded();
    }

    /** The session as the bridge last reported it; null before the first frame. */
    ArdourSession session() {
        return current;
    }

    /** The stream of the current session; null before the first frame. */
    SidecarLink link() {
        return link;
    }

    /** Snapshots sent since start: each (re)attach sends one; graph changes go as deltas. */
    long snapshotsSent() {
        return snapshotsSent;
    }

    /** The bridge reported the session: attaches it (a new session) or sends what changed. */
    void mirror(ArdourSession s) {
        synchronized (lock) {
            ArdourSession before = current;
            current = s;
            if (link == null || !before.key().equals(s.key())) {
                attach(s);
            } else {
                publish(s);
            }
        }
    }

    /** No frame for a while: the sidecar is told the transport stopped (it comes back with the next frame). */
    void ardourGone(long afterMillis) {
        synchronized (lock) {
            SidecarLink l = link;
            if (ardourGone || l == null) {
                return;
            }
            ardourGone = true;
            LOG.warning("no report from Ardour for " + afterMillis + " ms; waiting for it");
            if (rollingSent && l.connected()) {
                rollingSent = false;
                sendRolling(l);
            }
        }
    }

    /** A new session (the first, or Ardour opened another): a new attach stream for it. Under lock. */
    private void attach(ArdourSession s) {
        SidecarLink old = link;
        if (old != null) {
            LOG.info(() -> "Ardour switched to session " + s.name() + "; attaching it to the sidecar");
            Thread.ofVirtual().start(old::close);
        }
        LOG.info(() -> s.dawName()
                + (s.ardourRevision().isEmpty()
                        ? " (its bridge does not report the revision)"
                        : " (revision " + s.ardourRevision() + ")")
                + " runs session " + s.name() + "; attaching it to the sidecar");
        sent = null;
        ardourGone = false;
        link = new SidecarLink(sidecar, new Listener());
        link.connect();
    }

    /** Sends what changed since the sidecar's copy. Under lock. */
    private void publish(ArdourSession s) {
        SidecarLink l = link;
        if (l == null || !l.connected() || sent == null) {
            return;
        }
        if (ardourGone) {
            ardourGone = false;
            LOG.info("Ardour is back");
        }
        List<GraphEvent> events = GraphDiff.between(sent, s.strips());
        if (events == null) {
            sendSnapshot(l, s);
        } else {
            for (GraphEvent e : events) {
                l.send(AdapterMessage.newBuilder()
                        .setDelta(e.toDelta(++sequence))
                        .build());
                LOG.fine(() -> "delta " + sequence + ": " + e);
            }
            sent = s.strips();
        }
        if (s.rolling() != rollingSent) {
            rollingSent = s.rolling();
            sendRolling(l);
        }
    }

    /** Under lock. */
    private void sendSnapshot(SidecarLink l, ArdourSession s) {
        snapshotsSent++;
        l.send(AdapterMessage.newBuilder()
                .setSnapshot(
                        SessionSnapshot.newBuilder().setSequence(++sequence).addAllStrips(s.strips()))
                .build());
        sent = s.strips();
    }

    /** Under lock. */
    private void sendRolling(SidecarLink l) {
        l.send(AdapterMessage.newBuilder()
                .setTransport(TransportState.newBuilder().setRolling(rollingSent))
                .build());
    }

    @Override
    public void close() {
        closed = true;
        SidecarLink l = link;
        if (l != null) {
            l.close();
        }
    }

    private final class Listener implements SidecarLink.Listener {
        @Override
        public void onConnected(SidecarLink l) {
            synchronized (lock) {
                ArdourSession s = current;
                if (l != link || s == null) {
                    return;
                }
                l.send(AdapterMessage.newBuilder()
                        .setHello(Hello.newBuilder()
                                .setProtocolVersion(1)
                                .setAdapterName("ardour")
                                .setDawName(s.dawName())
                                .setSessionKey(s.key())
                                .setSessionName(s.name())
                                .setCanApplyFixes(true))
                        .build());
                sendSnapshot(l, s);
                rollingSent = s.rolling();
                sendRolling(l);
            }
        }

        @Override
        public void onTaps(TapTable taps) {
            onTaps.accept(taps);
        }

        @Override
        public void onFix(FixRequest fix) {
            onFix.accept(fix);
        }

        @Override
        public void onLocate(SidecarLink l, DawLocateRequest request) {
            if (onLocate == null) {
                SidecarLink.Listener.super.onLocate(l, request);
            } else {
                onLocate.accept(request);
            }
        }

        @Override
        public void onCompare(CompareCommand command) {
            compares.onCompare(command);
        }

        @Override
        public void onError(ProtocolError error) {
            LOG.warning(() -> "sidecar refused a message: " + error.getMessage());
            if (error.getResyncRequired()) {
                synchronized (lock) {
                    SidecarLink l = link;
                    ArdourSession s = current;
                    if (l != null && s != null) {
                        sendSnapshot(l, s);
                    }
                }
            }
        }

        @Override
        public void onDisconnected(Status status) {
            synchronized (lock) {
                sent = null;
            }
            compares.streamEnded();
            if (!closed) {
                LOG.warning(() -> "lost the sidecar at " + sidecar + " (" + status.getCode() + "); reconnecting");
            }
        }
    }
}
