package dev.gainstage.adapter.ardour.bridge;

/** A bridge report the adapter cannot read; the message names the field. */
public final class BridgeFormatException extends Exception {
    public BridgeFormatException(String message) {
        super(message);
    }
}
