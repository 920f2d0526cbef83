package dev.gainstage.engine.session;

import java.nio.ByteOrder;

/**
 * Checks a tap block's header and decodes its samples into a float array, refusing NaN and
 * infinities: they would poison every meter downstream of them for the rest of the session.
 */
public final class TapBlockDecoder {
    public static final int MIN_SAMPLE_RATE = 8_000;
    public static final int MAX_SAMPLE_RATE = 384_000;
    public static final int MAX_CHANNELS = 8;
    public static final int MAX_FRAMES = 16_384;

    private TapBlockDecoder() {}

    /** The field path of block {@code index} of a batch, for messages; built only when one is needed. */
    static String blockField(int index) {
        return "taps.blocks[" + index + "]";
    }

    /** Validates the header fields of block {@code index}; messages name the field ({@code taps.blocks[i].frames}). */
    public static void checkHeader(TapBlockData b, int index) throws TapBlockException {
        if (b.sampleRate() < MIN_SAMPLE_RATE || b.sampleRate() > MAX_SAMPLE_RATE) {
            throw refused(
                    index,
                    "sample_rate",
                    b.sampleRate() + " Hz is outside " + MIN_SAMPLE_RATE + ".." + MAX_SAMPLE_RATE);
        }
        if (b.channels() < 1 || b.channels() > MAX_CHANNELS) {
            throw refused(index, "channels", b.channels() + " is outside 1.." + MAX_CHANNELS);
        }
        if (b.frames() < 1 || b.frames() > MAX_FRAMES) {
            throw refused(index, "frames", b.frames() + " is outside 1.." + MAX_FRAMES);
        }
        long expected = (long) b.frames() * b.channels() * Float.BYTES;
        if (b.samples().remaining() != expected) {
            throw refused(
                    index,
                    "samples",
                    "holds " + b.samples().remaining() + " bytes but " + b.frames() + " frames x " + b.channels()
                            + " channels need " + expected);
        }
    }

    private static TapBlockException refused(int index, String name, String problem) {
        String field = blockField(index) + "." + name;
        return new TapBlockException(field, field + " " + problem, false);
    }

    /** Decodes into {@code dst[0..frames*channels)}; the header must have been checked. */
    public static void decode(TapBlockData b, float[] dst, int index) throws TapBlockException {
        int n = b.frames() * b.channels();
        // One bulk copy (a plain memory copy on little-endian machines), then a branch-free scan:
        // a float is NaN or infinite exactly when all its exponent bits are set.
        b.samples().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(dst, 0, n);
        boolean bad = false;
        for (int i = 0; i < n; i++) {
            bad |= (Float.floatToRawIntBits(dst[i]) & EXPONENT) == EXPONENT;
        }
        if (bad) {
            String field = blockField(index);
            for (int i = 0; i < n; i++) {
                float x = dst[i];
                if (!Float.isFinite(x)) {
                    throw new TapBlockException(
                            field + ".samples",
                            field + ".samples[" + i + "] is " + x + " (frame " + i / b.channels() + ", channel "
                                    + i % b.channels() + "): samples must be finite",
                            false);
                }
            }
        }
    }

    private static final int EXPONENT = 0x7f80_0000;
}
