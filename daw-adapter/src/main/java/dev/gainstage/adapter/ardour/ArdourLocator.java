package dev.gainstage.adapter.ardour;

import dev.gainstage.proto.v1.DawLocateRequest;
import dev.gainstage.proto.v1.DawLocateResult;
import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.IntSupplier;

/**
 * Moves Ardour's playhead for the sidecar: {@code /locate} through {@link ArdourTransport}, then asks where
 * the playhead is until it is there (Ardour locates asynchronously and does not answer the locate itself),
 * up to {@link #WAIT_MILLIS}. Runs on the adapter's fix thread; the answer says where it went or why not.
 */
final class ArdourLocator {
    static final long WAIT_MILLIS = 3000;
    private static final long POLL_MILLIS = 20;

    private final ArdourTransport transport;
    private final IntSupplier sampleRate;

    /** @param sampleRate the session's rate (the JACK server's), 0 while not known */
    ArdourLocator(ArdourTransport transport, IntSupplier sampleRate) {
        this.transport = transport;
        this.sampleRate = sampleRate;
    }

    DawLocateResult locate(DawLocateRequest request) {
        DawLocateResult.Builder r = DawLocateResult.newBuilder().setLocateId(request.getLocateId());
        int rate = sampleRate.getAsInt();
        double seconds = request.getPositionSeconds();
        if (rate <= 0) {
            return r.setMessage("the adapter has not joined JACK yet, so it does not know Ardour's sample rate")
                    .build();
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return r.setMessage("position " + seconds + " s is not on the timeline")
                    .build();
        }
        long target = Math.round(seconds * rate);
        try {
            transport.locate(target, request.getRoll());
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
            OptionalLong at = OptionalLong.empty();
            while (System.nanoTime() < deadline) {
                at = transport.position(POLL_MILLIS * 10);
                // Rolling on from there, it may already be a little past.
                if (at.isPresent() && at.getAsLong() >= target - rate / 100 && at.getAsLong() < target + rate / 2) {
                    return r.setMoved(true)
                            .setPositionSeconds(at.getAsLong() / (double) rate)
                            .build();
                }
                Thread.sleep(POLL_MILLIS);
            }
            return r.setMessage(
                            at.isPresent()
                                    ? String.format(
                                            Locale.ROOT,
                                            "Ardour's playhead stayed at %.1f s (asked for %.1f s)",
                                            at.getAsLong() / (double) rate,
                                            seconds)
                                    : "Ardour did not say where its playhead is (is its OSC surface on?)")
                    .build();
        } catch (IllegalArgumentException e) {
            return r.setMessage(e.getMessage()).build();
        } catch (IOException e) {
            return r.setMessage("could not reach Ardour's OSC surface: " + e.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return r.setMessage("the adapter is stopping").build();
        }
    }
}
