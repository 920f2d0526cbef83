package dev.gainstage.files;

import dev.gainstage.engine.metering.TruePeakHold;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The true-peak half of the offline meter, on its own thread: blocks the loudness meter is done with
 * are interpolated here (the costliest part of metering) and then handed back to the decoder for
 * reuse. Decoder, loudness meter and this stage so form a three-stage pipeline over a handful of
 * recycled blocks.
 */
final class TruePeakStage {
    private static final BlockPrefetcher.Block END = new BlockPrefetcher.Block(null, null, 0, null);

    private final BlockingQueue<BlockPrefetcher.Block> queue = new ArrayBlockingQueue<>(BlockPrefetcher.BLOCKS + 1);
    /**
     * Written by the stage's thread before it ends and read after joining it: a CompletableFuture's
     * class initialisation alone took 3 ms of a cold start.
     */
    private double result = Double.NaN;

    private Throwable failure;
    private final Thread thread;

    /** Takes blocks with their {@link BlockPrefetcher.Block#channels()} copied out. */
    TruePeakStage(AudioFormat format, BlockPrefetcher recycler, String name) {
        TruePeakHold hold = new TruePeakHold(format.sampleRate(), format.channels());
        thread = new Thread(
                () -> {
                    try {
                        for (BlockPrefetcher.Block b; (b = queue.take()) != END; ) {
                            hold.process(b.channels(), recycler.decodedPeak()); // a later block's peak counts too
                            recycler.recycle(b);
                        }
                        result = hold.maxDbtp();
                    } catch (InterruptedException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = e;
                        drain(recycler);
                    }
                },
                "true peak " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** After a failure, keep handing blocks back so the decoder and the loudness meter can finish. */
    private void drain(BlockPrefetcher recycler) {
        try {
            for (BlockPrefetcher.Block b; (b = queue.take()) != END; ) {
                recycler.recycle(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void submit(BlockPrefetcher.Block block) throws InterruptedException {
        queue.put(block);
    }

    /** Waits for every submitted block and returns the maximum true peak in dBTP (NaN for silence). */
    double finish() throws InterruptedException {
        queue.put(END);
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("true-peak stage failed", failure);
        }
        return result;
    }

    void abandon() {
        thread.interrupt();
    }
}
