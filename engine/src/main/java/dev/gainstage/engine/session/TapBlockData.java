package dev.gainstage.engine.session;

import java.nio.ByteBuffer;

/**
 * One tapped block as it arrives: interleaved little-endian float32 in {@code samples}, which must
 * hold exactly {@code frames * channels * 4} bytes.
 */
public record TapBlockData(
        int handle, int sampleRate, int channels, int frames, long samplePosition, ByteBuffer samples) {}
