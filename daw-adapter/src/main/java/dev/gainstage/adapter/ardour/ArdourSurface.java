package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Ardour's OSC control surface (UDP 3819 by default), used to apply fixes: {@code /strip/trimdB},
 * {@code /strip/gain} and {@code /strip/plugin/parameter}; and to bypass a plugin for a compare:
 * {@code /strip/plugin/activate} and {@code /strip/plugin/deactivate}. Strips are addressed by surface id (ssid), which
 * depends on the surface's strip types and the session's order, so the ids are looked up by name with
 * {@code /strip/list} before each change. Ardour logs "OSC: No such strip" for every {@code /strip/list}: the
 * handler lists, then goes on to look up strip 0.
 */
public final class ArdourSurface implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArdourSurface.class.getName());
    /** Audio and MIDI tracks and buses, and the master (1 + 2 + 4 + 8 + 32). */
    static final int STRIP_TYPES = 47;

    private final InetSocketAddress ardour;
    private final OscSocket socket;
    private final Object lock = new Object();
    private Map<String, Integer> listing = new HashMap<>();
    private CompletableFuture<Map<String, Integer>> pendingList;

    public ArdourSurface(InetSocketAddress ardour) throws IOException {
        this.ardour = ardour;
        this.socket = new OscSocket(0, "gainstage-ardour-surface", this::onMessage);
    }

    public InetSocketAddress address() {
        return ardour;
    }

    private void onMessage(OscMessage m) {
        // Without feedback bit 14, Ardour 7 answers /strip/list on the address "#reply".
        if (!m.address().equals("#reply") && !m.address().equals("/reply")) {
            return;
        }
        synchronized (lock) {
            if (pendingList == null || m.size() == 0 || !(m.get(0) instanceof String first)) {
                return;
            }
            if (first.equals("end_route_list")) {
                pendingList.complete(Map.copyOf(listing));
                pendingList = null;
            } else if (m.size() >= 7 && m.get(1) instanceof String name && m.get(6) instanceof Number ssid) {
                listing.put(name, ssid.intValue());
            }
        }
    }

    /** Strip name to surface id; asks Ardour each time (strips come and go). */
    public Map<String, Integer> strips(long timeoutMillis) throws IOException, TimeoutException {
        CompletableFuture<Map<String, Integer>> f = new CompletableFuture<>();
        synchronized (lock) {
            listing = new HashMap<>();
            pendingList = f;
        }
        // Ardour 7 replies to port 8000 of the sender's host by default ("address only"); port 0 means "reply to
        // the port the request came from" (it applies to every OSC client on this host).
        socket.send(ardour, OscMessage.of("/set_surface/port", 0));
        // bank size 0 (all strips), strip types, no feedback, gain in dB
        socket.send(ardour, OscMessage.of("/set_surface", 0, STRIP_TYPES, 0, 0));
        socket.send(ardour, OscMessage.of("/strip/list"));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing Ardour's strips", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            synchronized (lock) {
                if (pendingList == f) {
                    pendingList = null;
                }
            }
        }
    }

    /** Sends the change; Ardour does not acknowledge, so the caller watches the bridge for the new value. */
    public void apply(FixTarget target, double newValue, int ssid) throws IOException {
        OscMessage m = switch (target) {
            case FixTarget.Trim t -> OscMessage.of("/strip/trimdB", ssid, (float) newValue);
            case FixTarget.Fader f -> OscMessage.of("/strip/gain", ssid, (float) newValue);
            case FixTarget.PluginOutput p ->
                OscMessage.of(
                        "/strip/plugin/parameter",
                        ssid,
                        p.pluginNumber(),
                        p.control().oscIndex(),
                        (float) newValue);
        };
        LOG.fine(() -> "OSC to Ardour: " + m);
        socket.send(ardour, m);
    }

    /**
     * {@code /strip/plugin/activate ssid piid} or {@code /strip/plugin/deactivate ssid piid}: the plugin numbered
     * {@code pluginNumber} (from 1, plugins only, in chain order, as {@code /strip/plugin/parameter} numbers them) is
     * (de)activated. Ardour does not acknowledge; the caller watches the bridge for the new state.
     */
    public void setPluginActive(int ssid, int pluginNumber, boolean active) throws IOException {
        OscMessage m =
                OscMessage.of(active ? "/strip/plugin/activate" : "/strip/plugin/deactivate", ssid, pluginNumber);
        LOG.fine(() -> "OSC to Ardour: " + m);
        socket.send(ardour, m);
    }

    @Override
    public void close() {
        socket.close();
    }
}
