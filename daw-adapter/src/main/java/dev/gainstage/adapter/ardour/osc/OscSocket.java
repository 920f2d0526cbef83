package dev.gainstage.adapter.ardour.osc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A UDP socket on the loopback interface that sends OSC messages and hands every message it receives to
 * a consumer, on one daemon thread. Malformed datagrams are logged and skipped.
 */
public final class OscSocket implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OscSocket.class.getName());

    private final DatagramSocket socket;
    private final Thread receiver;

    /** Binds 127.0.0.1:port (0: any free port) and starts receiving. */
    public OscSocket(int port, String name, Consumer<OscMessage> consumer) throws SocketException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(false);
        socket.setReceiveBufferSize(1 << 20);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        receiver = Thread.ofPlatform().daemon().name(name).start(() -> receive(consumer));
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void send(InetSocketAddress to, OscMessage m) throws IOException {
        byte[] bytes = OscCodec.encode(m);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private void receive(Consumer<OscMessage> consumer) {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
                for (OscMessage m : OscCodec.decode(p.getData(), p.getLength())) {
                    consumer.accept(m);
                }
            } catch (OscFormatException e) {
                LOG.warning(() -> "skipped a malformed OSC datagram: " + e.getMessage());
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, "OSC receive failed", e);
                }
            } catch (RuntimeException e) {
                // a consumer's bug must not stop the receiver: Ardour keeps talking
                LOG.log(Level.WARNING, "OSC consumer failed on a message", e);
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
