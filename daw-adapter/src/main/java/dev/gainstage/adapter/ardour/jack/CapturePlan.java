package dev.gainstage.adapter.ardour.jack;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the JACK process callback copies each period: for every tap source its input ports (one per channel),
 * into a ring of its own, with the format those periods have (sample rate, the longest period the ring
 * holds) and which of our ports feeds which source. Immutable once published (but for its counters); a new
 * plan replaces it whole, so every thread reads one consistent plan without locking.
 */
public final class CapturePlan {
    /** The smallest period a ring slot holds: JACK and PipeWire periods up to this need no new plan. */
    static final int MIN_PERIOD_CAPACITY = 1024;

    final ChannelBuffer[][] ports;
    final int[] channels;
    final Fanout[] fanouts;
    final TapRing ring;
    final int maxFrames;
    private final int sampleRate;
    private final Map<String, Integer> sourceOfPort;
    /** Periods dropped per source because the ring was full: counted by the real-time thread. */
    final AtomicLongArray ringDrops;
    /** Per source: the first frame position its audio can be trusted from (see {@link #settle}). */
    private final AtomicLongArray settledFrom;

    /**
     * @param sources      per tap source: our JACK input ports' buffers, one per channel
     * @param fanouts      per tap source: the tap points it serves
     * @param sourceOfPort our ports' full names to the source they feed
     * @param sampleRate   the rate of the periods captured under this plan
     * @param period       the server's period now: the ring holds periods up to max(period, 1024) frames
     */
    public CapturePlan(
            List<ChannelBuffer[]> sources,
            List<Fanout> fanouts,
            Map<String, Integer> sourceOfPort,
            int sampleRate,
            int period,
            int ringSlots) {
        this(
                sources.toArray(ChannelBuffer[][]::new),
                fanouts.toArray(Fanout[]::new),
                Map.copyOf(sourceOfPort),
                sampleRate,
                period,
                ringSlots,
                null);
        if (sources.size() != fanouts.size()) {
            throw new IllegalArgumentException("one fanout per source");
        }
    }

    private CapturePlan(
            ChannelBuffer[][] ports,
            Fanout[] fanouts,
            Map<String, Integer> sourceOfPort,
            int sampleRate,
            int period,
            int ringSlots,
            AtomicLongArray settledFrom) {
        this.ports = ports;
        this.fanouts = fanouts;
        this.sourceOfPort = sourceOfPort;
        this.sampleRate = sampleRate;
        int maxFrames = Math.max(period, MIN_PERIOD_CAPACITY);
        this.channels = new int[ports.length];
        int floats = 0;
        for (int i = 0; i < ports.length; i++) {
            channels[i] = ports[i].length;
            floats += channels[i] * maxFrames;
        }
        this.maxFrames = maxFrames;
        this.ring = new TapRing(ringSlots, Math.max(1, floats));
        this.ringDrops = new AtomicLongArray(Math.max(1, ports.length));
        // Links the call site the process callback counts a full ring with, here, off the real-time thread: the
        // first update of an atomic array in a JVM links its VarHandle access, which may allocate.
        ringDrops.incrementAndGet(0);
        ringDrops.decrementAndGet(0);
        this.settledFrom = new AtomicLongArray(Math.max(1, ports.length));
        for (int s = 0; settledFrom != null && s < ports.length; s++) {
            this.settledFrom.set(s, settledFrom.get(s));
        }
    }

    /**
     * The same sources for another server format: after JACK (or PipeWire, which changes its quantum while
     * running) reports a new period or sample rate. Not for the real-time thread: it allocates the ring.
     */
    public CapturePlan withFormat(int newSampleRate, int period) {
        return new CapturePlan(ports, fanouts, sourceOfPort, newSampleRate, period, ring.slots(), settledFrom);
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The longest period this plan's ring holds; a longer one is dropped and counted. */
    public int maxFrames() {
        return maxFrames;
    }

    /** The source one of our ports (by full name) feeds, if it is in this plan. */
    public Integer sourceOfPort(String port) {
        return sourceOfPort.get(port);
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
     *
     * @return whether the period went into the ring
     */
    public boolean capture(int frames, long position) {
        TapRing.Period p = frames > maxFrames ? null : ring.claim();
        if (p == null) {
            for (int s = 0; s < ports.length; s++) {
                ringDrops.incrementAndGet(s);
            }
            return false;
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
        return true;
    }
}
