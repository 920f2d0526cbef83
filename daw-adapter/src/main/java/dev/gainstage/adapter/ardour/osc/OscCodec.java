package dev.gainstage.adapter.ardour.osc;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OSC 1.0 encoding and decoding of messages and bundles (big-endian, 4-byte aligned strings and blobs).
 * Only what Ardour and the gainstage bridge use, plus the standard atomic types, so the adapter needs no
 * OSC library.
 */
public final class OscCodec {
    private OscCodec() {}

    public static byte[] encode(OscMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writeString(out, m.address());
        StringBuilder tags = new StringBuilder(",");
        for (Object a : m.arguments()) {
            tags.append(
                    switch (a) {
                        case Integer i -> 'i';
                        case Float f -> 'f';
                        case String s -> 's';
                        case Double d -> 'd';
                        case Long l -> 'h';
                        case Boolean b -> b ? 'T' : 'F';
                        case byte[] b -> 'b';
                        case OscMessage.Nil n -> 'N';
                        default ->
                            throw new IllegalArgumentException(
                                    "OSC cannot carry a " + a.getClass().getSimpleName());
                    });
        }
        writeString(out, tags.toString());
        for (Object a : m.arguments()) {
            switch (a) {
                case Integer i ->
                    out.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
                case Float f ->
                    out.writeBytes(ByteBuffer.allocate(4).putFloat(f).array());
                case String s -> writeString(out, s);
                case Double d ->
                    out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
                case Long l -> out.writeBytes(ByteBuffer.allocate(8).putLong(l).array());
                case byte[] b -> {
                    out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
                    out.writeBytes(b);
                    pad(out, b.length);
                }
                default -> {}
            }
        }
        return out.toByteArray();
    }

    /** The messages of one datagram: one, or all those of a (nested) bundle in order. */
    public static List<OscMessage> decode(byte[] data, int length) throws OscFormatException {
        List<OscMessage> out = new ArrayList<>();
        decodeInto(ByteBuffer.wrap(data, 0, length).slice().order(ByteOrder.BIG_ENDIAN), out);
        return out;
    }

    private static void decodeInto(ByteBuffer b, List<OscMessage> out) throws OscFormatException {
        try {
            String address = readString(b);
            if (address.equals("#bundle")) {
                b.getLong(); // time tag: everything here is "immediately"
                while (b.hasRemaining()) {
                    int size = b.getInt();
                    if (size < 0 || size > b.remaining() || size % 4 != 0) {
                        throw new OscFormatException("bundle element size " + size + " does not fit");
                    }
                    ByteBuffer element = b.slice(b.position(), size).order(ByteOrder.BIG_ENDIAN);
                    b.position(b.position() + size);
                    decodeInto(element, out);
                }
                return;
            }
            if (address.isEmpty() || (address.charAt(0) != '/' && address.charAt(0) != '#')) {
                throw new OscFormatException("address '" + address + "' does not start with '/'");
            }
            String tags = readString(b);
            if (tags.isEmpty() || tags.charAt(0) != ',') {
                throw new OscFormatException(address + ": type tags '" + tags + "' do not start with ','");
            }
            List<Object> args = new ArrayList<>(tags.length() - 1);
            for (int i = 1; i < tags.length(); i++) {
                char t = tags.charAt(i);
                args.add(
                        switch (t) {
                            case 'i' -> b.getInt();
                            case 'f' -> b.getFloat();
                            case 's', 'S' -> readString(b);
                            case 'd' -> b.getDouble();
                            case 'h', 't' -> b.getLong();
                            case 'c' -> String.valueOf((char) b.getInt());
                            case 'r', 'm' -> b.getInt();
                            case 'T' -> Boolean.TRUE;
                            case 'F' -> Boolean.FALSE;
                            case 'N' -> OscMessage.Nil.NIL;
                            case 'I' -> Double.POSITIVE_INFINITY;
                            case 'b' -> readBlob(b);
                            default -> throw new OscFormatException(address + ": unknown type tag '" + t + "'");
                        });
            }
            out.add(new OscMessage(address, args));
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new OscFormatException("datagram ends inside a message");
        }
    }

    private static byte[] readBlob(ByteBuffer b) throws OscFormatException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new OscFormatException("blob of " + n + " bytes does not fit");
        }
        byte[] blob = new byte[n];
        b.get(blob);
        b.position(b.position() + (4 - n % 4) % 4);
        return blob;
    }

    private static String readString(ByteBuffer b) throws OscFormatException {
        int start = b.position();
        int end = start;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        if (end >= b.limit()) {
            throw new OscFormatException("string is not terminated");
        }
        byte[] bytes = new byte[end - start];
        b.get(bytes);
        int padded = (end - start + 4) & ~3; // the terminator and padding to 4 bytes
        if (start + padded > b.limit()) {
            throw new OscFormatException("string padding is cut off");
        }
        b.position(start + padded);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(bytes);
        out.write(0);
        pad(out, bytes.length + 1);
    }

    private static void pad(ByteArrayOutputStream out, int written) {
        for (int i = written % 4; i != 0 && i < 4; i++) {
            out.write(0);
        }
    }
}
