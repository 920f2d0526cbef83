package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockPrefetcherTest {
    @TempDir
    Path dir;

    private Path ramp(int frames) throws IOException {
        Path file = dir.resolve("ramp.wav");
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (i % 1000) / 1000f;
        }
        try (WavWriter w = new WavWriter(file, 48_000, 1, 32, true)) {
            w.write(x, frames);
        }
        return file;
    }

    @Test
    void deliversEveryBlockInOrderThenTheEnd() throws IOException {
        int frames = 1_000_000; // several 1 MB blocks
        Path file = ramp(frames);
        long seen = 0;
        try (WavReader reader = WavReader.open(file);
                BlockPrefetcher blocks = new BlockPrefetcher(reader, "ramp")) {
            for (BlockPrefetcher.Block b; (b = blocks.next()).frames() > 0; ) {
                for (int i = 0; i < b.frames(); i++, seen++) {
                    assertEquals((seen % 1000) / 1000f, b.samples()[i], "frame " + seen);
                }
                blocks.recycle(b);
            }
        }
        assertEquals(frames, seen);
    }

    @Test
    void aFileThatShrinksWhileReadingIsReportedToTheConsumer() throws IOException {
        Path file = ramp(1_000_000);
        try (WavReader reader = WavReader.open(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(44 + 4 * 300_000);
            }
            try (BlockPrefetcher blocks = new BlockPrefetcher(reader, "ramp")) {
                AudioFileException e = assertThrows(AudioFileException.class, () -> {
                    for (BlockPrefetcher.Block b; (b = blocks.next()).frames() > 0; ) {
                        blocks.recycle(b);
                    }
                });
                assertTrue(e.getMessage().startsWith(file + ": file ended while reading audio data"), e.getMessage());
            }
        }
    }
}
