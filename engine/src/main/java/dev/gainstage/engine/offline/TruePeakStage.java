package dev.gainstage.engine.offline;

import dev.gainstage.engine.metering.TruePeakHold;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The true-peak half of the offline meter, on its own thread: blocks the loudness meter is done with
 * are interpolated here (the costliest part of metering) and then handed back to the decoder for
 * reuse. Decoder, loudness meter and this stage so form a three-stage pipeline over a handful of
 * recycled blocks.
 */
final class TruePeakStage {
    private static final BlockPrefetcher.Block END = new BlockPrefetcher.Block(null, null, 0, null);

    private final BlockingQueue<BlockPrefetcher.Block> queue = new ArrayBlockingQueue<>(BlockPrefetcher.BLOCKS + 1);
    private final CompletableFuture<Double> result = new CompletableFuture<>();
    private final Thread thread;

    /** Takes blocks with their {@link BlockPrefetcher.Block#channels()} copied out. */
    TruePeakStage(WavFormat format, BlockPrefetcher recycler, String name) {
        TruePeakHold hold = new TruePeakHold(format.sampleRate(), format.channels());
        thread = new Thread(() -> {
            try {
                for (BlockPrefetcher.Block b; (b = queue.take()) != END; ) {
                    hold.process(b.channels(), recycler.decodedPeak()); // a later block's peak counts too
                    recycler.recycle(b);
                }
                result.complete(hold.maxDbtp());
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                drain(recycler);
            }
        }, "true peak " + name);
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
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("true-peak stage failed", e.getCause());
        }
    }

    void abandon() {
        thread.interrupt();
    }
}
