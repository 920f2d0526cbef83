package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import dev.gainstage.adapter.ardour.osc.OscSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ardour's transport through its OSC surface: where the playhead is ({@code /transport_frame}, answered
 * with the sample position as an int64), how fast it moves ({@code /transport_speed}, a double; 0 while
 * stopped) and moving it ({@code /locate} with two int32s: the sample position and whether to roll).
 * Its own socket on the shared {@link OscSocket}, so its answers never mix with a fix's strip listing.
 * One question at a time (callers are the adapter's housekeeping and fix threads).
 */
public final class ArdourTransport implements AutoCloseable {
    /** {@code /locate} takes an int32: the furthest sample it can reach. */
    static final long MAX_LOCATE_SAMPLES = Integer.MAX_VALUE;

    private final InetSocketAddress ardour;
    private final OscSocket socket;
    private final Object lock = new Object();
    private String asked; // guarded by lock
    private CompletableFuture<Object> answer; // guarded by lock
    private boolean replyPortSet;

    public ArdourTransport(InetSocketAddress ardour) throws IOException {
        this.ardour = ardour;
        this.socket = new OscSocket(0, "gainstage-ardour-transport", this::onMessage);
    }

    private void onMessage(OscMessage m) {
        synchronized (lock) {
            if (answer != null && m.address().equals(asked) && m.size() > 0) {
                answer.complete(m.get(0));
            }
        }
    }

    /** The playhead's sample position, or empty when Ardour did not answer within {@code timeoutMillis}. */
    public synchronized OptionalLong position(long timeoutMillis) throws IOException {
        Object a = ask("/transport_frame", timeoutMillis);
        return a instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    /** The transport's speed (1 playing, 0 stopped), or empty when Ardour did not answer. */
    public synchronized OptionalDouble speed(long timeoutMillis) throws IOException {
        Object a = ask("/transport_speed", timeoutMillis);
        return a instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /**
     * Asks Ardour to move the playhead to {@code samples}, rolling from there when {@code roll}; Ardour
     * does not answer, {@link #position} says where it went.
     *
     * @throws IllegalArgumentException beyond what {@code /locate}'s int32 can carry
     */
    public void locate(long samples, boolean roll) throws IOException {
        if (samples < 0 || samples > MAX_LOCATE_SAMPLES) {
            throw new IllegalArgumentException("sample " + samples + " is outside what Ardour's OSC /locate takes (0.."
                    + MAX_LOCATE_SAMPLES + ")");
        }
        socket.send(ardour, OscMessage.of("/locate", (int) samples, roll ? 1 : 0));
    }

    private Object ask(String address, long timeoutMillis) throws IOException {
        CompletableFuture<Object> f = new CompletableFuture<>();
        synchronized (lock) {
            asked = address;
            answer = f;
        }
        if (!replyPortSet) {
            // Ardour 7 answers port 8000 of the asking host unless told otherwise; 0: the port the question came from.
            socket.send(ardour, OscMessage.of("/set_surface/port", 0));
            replyPortSet = true;
        }
        socket.send(ardour, OscMessage.of(address));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            replyPortSet = false; // Ardour may have restarted: tell it again next time
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Ardour " + address, e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            synchronized (lock) {
                answer = null;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
