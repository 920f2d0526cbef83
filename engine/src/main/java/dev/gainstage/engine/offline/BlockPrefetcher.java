package dev.gainstage.engine.offline;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and decodes a WAV file on its own thread, a few blocks ahead of the consumer, so decoding
 * overlaps metering on a second core. Blocks are recycled through a small pool: memory stays at
 * {@value #BLOCKS} blocks whatever the file's length.
 */
final class BlockPrefetcher implements Closeable {
    static final int BLOCKS = 3;

    /** A decoded block; {@code frames == 0} marks the end, {@code error} a failure. */
    record Block(float[] samples, int frames, IOException error) {
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<float[]> empty = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread thread;

    BlockPrefetcher(WavReader reader, String name) {
        int size = reader.blockFrames() * reader.format().channels();
        for (int i = 0; i < BLOCKS; i++) {
            empty.add(new float[size]);
        }
        thread = new Thread(() -> produce(reader), "decode " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(WavReader reader) {
        try {
            while (true) {
                float[] buffer = empty.take();
                int frames;
                try {
                    frames = reader.read(buffer);
                } catch (IOException e) {
                    full.put(new Block(null, 0, e));
                    return;
                }
                full.put(new Block(buffer, frames, null));
                if (frames == 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the consumer
        }
    }

    /** The next block, in file order; hand its samples back with {@link #recycle} when done. */
    Block next() throws IOException {
        try {
            Block b = full.take();
            if (b.error() != null) {
                throw b.error();
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    void recycle(float[] samples) {
        empty.add(samples);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
