package dev.gainstage.adapter.ardour.jack;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the JACK process callback copies each period: for every tap source its input ports (one per channel),
 * into a ring of its own. Immutable once published; a new plan replaces it whole, so the real-time thread
 * reads one consistent plan per period without locking.
 */
public final class CapturePlan {
    final ChannelBuffer[][] ports;
    final int[] channels;
    final Fanout[] fanouts;
    final TapRing ring;
    final int maxFrames;
    /** Periods dropped per source because the ring was full: counted by the real-time thread. */
    final AtomicLongArray ringDrops;
    /** Per source: the first frame position its audio can be trusted from (see {@link #settle}). */
    private final AtomicLongArray settledFrom;

    /**
     * @param sources  per tap source: our JACK input ports' buffers, one per channel
     * @param fanouts  per tap source: the tap points it serves
     */
    public CapturePlan(List<ChannelBuffer[]> sources, List<Fanout> fanouts, int maxFrames, int ringSlots) {
        if (sources.size() != fanouts.size()) {
            throw new IllegalArgumentException("one fanout per source");
        }
        this.ports = sources.toArray(ChannelBuffer[][]::new);
        this.fanouts = fanouts.toArray(Fanout[]::new);
        this.channels = new int[ports.length];
        int floats = 0;
        for (int i = 0; i < ports.length; i++) {
            channels[i] = ports[i].length;
            floats += channels[i] * maxFrames;
        }
        this.maxFrames = maxFrames;
        this.ring = new TapRing(ringSlots, Math.max(1, floats));
        this.ringDrops = new AtomicLongArray(Math.max(1, ports.length));
        this.settledFrom = new AtomicLongArray(Math.max(1, ports.length));
    }

    public int sources() {
        return ports.length;
    }

    public int channels(int source) {
        return channels[source];
    }

    public Fanout fanout(int source) {
        return fanouts[source];
    }

    public TapRing ring() {
        return ring;
    }

    /**
     * Distrusts a source's audio until the given frame position. For a period or two after one of its
     * ports is connected, JACK2 (1.9.21) can hand the port a buffer that holds no audio yet (values up to
     * 1e34 were seen): the streamer leaves those periods out.
     */
    public void settle(int source, long untilPosition) {
        settledFrom.accumulateAndGet(source, untilPosition, Math::max);
    }

    public boolean settled(int source, long position) {
        return position >= settledFrom.get(source);
    }

    public long ringDrops(int source) {
        return ringDrops.get(source);
    }

    /**
     * Real-time: copies one period of every source into the ring, interleaving channels. Allocates nothing,
     * never blocks; drops the period (and counts it) when the ring is full or the period is too long.
     */
    public void capture(int frames, long position) {
        TapRing.Period p = ring.claim();
        if (p == null || frames > maxFrames) {
            for (int s = 0; s < ports.length; s++) {
                ringDrops.incrementAndGet(s);
            }
            return;
        }
        float[] dst = p.samples;
        int off = 0;
        for (int s = 0; s < ports.length; s++) {
            ChannelBuffer[] src = ports[s];
            int ch = src.length;
            for (int c = 0; c < ch; c++) {
                FloatBuffer fb = src[c].current();
                int limit = Math.min(frames, fb.capacity());
                int o = off + c;
                for (int i = 0; i < limit; i++) {
                    dst[o] = fb.get(i);
                    o += ch;
                }
            }
            off += ch * frames;
        }
        ring.publish(frames, position);
    }
}
