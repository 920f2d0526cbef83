package dev.gainstage.adapter.ardour.osc;

/** A datagram that is not well-formed OSC 1.0; the message says where. */
public final class OscFormatException extends Exception {
    public OscFormatException(String message) {
        super(message);
    }
}
