package dev.gainstage.adapter.ardour.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OscCodecTest {
    @Test
    void encodesTheSpecExample() {
        // OSC 1.0 spec: "/oscillator/4/frequency" ,f 440.0
        byte[] bytes = OscCodec.encode(OscMessage.of("/oscillator/4/frequency", 440.0f));
        assertEquals(
                "2f6f7363696c6c61746f722f342f6672657175656e6379002c66000043dc0000",
                HexFormat.of().formatHex(bytes));
    }

    @Test
    void roundTripsEveryType() throws OscFormatException {
        OscMessage m = OscMessage.of(
                "/strip/plugin/parameter",
                3,
                1,
                6,
                -2.5f,
                "Gtr",
                48000.5,
                1234567890123L,
                true,
                false,
                new byte[] {1, 2, 3},
                null);
        byte[] bytes = OscCodec.encode(m);
        assertEquals(0, bytes.length % 4);
        List<OscMessage> back = OscCodec.decode(bytes, bytes.length);
        assertEquals(1, back.size());
        OscMessage b = back.getFirst();
        assertEquals(m.address(), b.address());
        assertEquals(3, b.integer(0));
        assertEquals(-2.5f, (Float) b.get(3));
        assertEquals("Gtr", b.string(4));
        assertEquals(48000.5, b.number(5));
        assertEquals(1234567890123L, b.integer(6));
        assertEquals(Boolean.TRUE, b.get(7));
        assertEquals(Boolean.FALSE, b.get(8));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) b.get(9));
        assertEquals(null, b.get(10));
    }

    @Test
    void stringsArePaddedToFourBytesWithAtLeastOneZero() {
        for (String s : List.of("", "a", "ab", "abc", "abcd")) {
            byte[] bytes = OscCodec.encode(OscMessage.of("/x", s));
            // "/x\0\0" ",s\0\0" then the string, its terminator and padding
            int stringBytes = bytes.length - 8;
            assertEquals((s.length() / 4 + 1) * 4, stringBytes, "padding of '" + s + "'");
        }
    }

    @Test
    void decodesArdoursHashReplyAndBundles() throws OscFormatException {
        byte[] reply = OscCodec.encode(OscMessage.of("#reply", "AT", "Vox", 1, 2, 0, 0, 1, 0));
        ByteBuffer bundle = ByteBuffer.allocate(16 + 4 + reply.length + 4 + 8 + 4);
        bundle.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1);
        bundle.putInt(reply.length).put(reply);
        byte[] end = OscCodec.encode(OscMessage.of("/end"));
        bundle.putInt(end.length).put(end);
        byte[] bytes = java.util.Arrays.copyOf(bundle.array(), bundle.position());
        List<OscMessage> ms = OscCodec.decode(bytes, bytes.length);
        assertEquals(2, ms.size());
        assertEquals("#reply", ms.get(0).address());
        assertEquals("Vox", ms.get(0).string(1));
        assertEquals(1, ms.get(0).integer(6));
        assertEquals("/end", ms.get(1).address());
    }

    @Test
    void refusesTruncatedAndMalformedDatagrams() {
        byte[] ok = OscCodec.encode(OscMessage.of("/gainstage/route", 1, 2, "R\t1"));
        for (int cut = 1; cut < ok.length; cut++) {
            int n = cut;
            assertThrows(OscFormatException.class, () -> OscCodec.decode(ok, n), "cut at " + n);
        }
        byte[] noSlash = OscCodec.encode(OscMessage.of("/x", 1));
        noSlash[0] = 'x';
        assertThrows(OscFormatException.class, () -> OscCodec.decode(noSlash, noSlash.length));
        byte[] badTag = OscCodec.encode(OscMessage.of("/x", 1));
        badTag[5] = 'z';
        assertThrows(OscFormatException.class, () -> OscCodec.decode(badTag, badTag.length));
    }
}
