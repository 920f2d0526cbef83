package dev.gainstage.adapter.ardour.jack;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackBufferSizeCallback;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortConnectCallback;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackProcessCallback;
import org.jaudiolibs.jnajack.JackSampleRateCallback;
import org.jaudiolibs.jnajack.JackShutdownCallback;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * The adapter's JACK client: one input port per channel of every tap source, connected to Ardour's tap-send
 * and output ports, copied each period into the current {@link CapturePlan}'s ring by the process callback.
 *
 * <p>Threads: {@link #update} and {@link #wire} run on the adapter's control thread (they register ports and
 * connect, which JACK forbids in the process callback); the process callback only reads the published plan.
 * Ports leave the plan before they are unregistered, and the callback gets two periods to let go of them.
 *
 * <p>The server's format can change while it runs: PipeWire changes its quantum (the period) at will, and a
 * JACK server can be told to. The buffer-size and sample-rate callbacks (PipeWire calls them on its real-time
 * thread, so they only note the new format and wake the format thread), and a period longer than the plan
 * holds, make the "gainstage-jack-format" thread publish the same plan for the new format. Until it has, the
 * periods that do not fit are dropped and counted, never written past the ring.
 */
public final class JackTapClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JackTapClient.class.getName());
    private static final int RING_SLOTS = 64;
    /** Periods before the allocation probe starts: the first ones run interpreted and initialise classes. */
    static final int PROBE_WARMUP_PERIODS = 2000;

    private final String clientName;
    private final boolean probeAllocations;
    // JNA keeps only weak references to callbacks: these fields keep them alive while the client runs.
    private final Process process = new Process();
    private final Shutdown shutdown = new Shutdown();
    private final FormatChange formatChange = new FormatChange();
    private final Map<List<String>, JackPort[]> ports = new LinkedHashMap<>();
    private final AtomicLong xruns = new AtomicLong();
    private Jack jack;
    private JackClient client;
    private volatile int sampleRate;
    /** The server's period as last reported, or the longest period the process callback saw, if longer. */
    private volatile int bufferSize;

    private int nextPort = 1;
    private final AtomicReference<CapturePlan> plan = new AtomicReference<>();
    private volatile Thread formatThread;
    private volatile boolean alive;
    private volatile long maxCallbackAllocation;
    private volatile long allocatingPeriods;
    private volatile long probedPeriods;
    private volatile long callbackErrors;
    // Written by the process callback only (one writer): what the taps delivered, across plans and formats.
    private volatile long capturedPeriods;
    private volatile long droppedPeriods;
    private volatile int lastPeriodFrames;
    /** Frames processed since the client started: written by the process callback, read for settling. */
    private volatile long position;

    private final Connections connections = new Connections();

    /**
     * @param probeAllocations measure what the process callback's own code allocates (tests)
     */
    public JackTapClient(String clientName, boolean probeAllocations) {
        this.clientName = clientName;
        this.probeAllocations = probeAllocations;
    }

    /**
     * Whether a JACK server is running for this process (libjack's default server), found by opening
     * and closing a client that may not start one; the reason when not.
     */
    public static Optional<String> serverProblem() {
        try {
            EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
            JackClient probe =
                    Jack.getInstance().openClient("gainstage-probe", EnumSet.of(JackOptions.JackNoStartServer), status);
            probe.close();
            return Optional.empty();
        } catch (JackException | RuntimeException | UnsatisfiedLinkError e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public synchronized void open() throws JackException {
        ports.clear(); // a client the server shut down took its ports with it
        jack = Jack.getInstance();
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        // The server is libjack's default: $JACK_DEFAULT_SERVER, else "default" (jnajack cannot name one).
        client = jack.openClient(clientName, EnumSet.of(JackOptions.JackNoStartServer), status);
        sampleRate = client.getSampleRate();
        bufferSize = client.getBufferSize();
        client.setProcessCallback(process);
        client.onShutdown(shutdown);
        client.setXrunCallback(c -> xruns.incrementAndGet());
        client.setPortConnectCallback(connections);
        client.setBuffersizeCallback(formatChange);
        client.setSampleRateCallback(formatChange);
        client.activate();
        alive = true;
        if (formatThread == null) {
            // The field is set before the thread runs: it exits as soon as it is not the client's format thread.
            Thread t =
                    Thread.ofPlatform().daemon().name("gainstage-jack-format").unstarted(this::followFormat);
            formatThread = t;
            t.start();
        }
        LOG.info(() -> "JACK client " + client.getName() + " at " + sampleRate + " Hz, " + bufferSize + " frames");
    }

    public boolean alive() {
        return alive;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The server's period in frames, as last reported (or seen). */
    public int bufferSize() {
        return bufferSize;
    }

    public CapturePlan plan() {
        return plan.get();
    }

    /**
     * The most the process callback's own code allocated in one period (with probing on, after the first
     * {@value #PROBE_WARMUP_PERIODS} periods), in bytes.
     */
    public long maxCallbackAllocation() {
        return maxCallbackAllocation;
    }

    /** Periods in which the callback's own code allocated anything (probing on, after warm-up). */
    public long allocatingPeriods() {
        return allocatingPeriods;
    }

    /** Periods the allocation probe watched. */
    public long probedPeriods() {
        return probedPeriods;
    }

    public long callbackErrors() {
        return callbackErrors;
    }

    /** Periods the process callback copied into a plan's ring, over the client's life (every plan, every format). */
    public long capturedPeriods() {
        return capturedPeriods;
    }

    /**
     * Periods that went to no ring while a plan was published: the ring was full, or the period was longer than
     * the plan held (until the format thread published one that holds it). Over the client's life.
     */
    public long droppedPeriods() {
        return droppedPeriods;
    }

    /** The frames of the last period the process callback ran: the server's period as the taps see it. */
    public int lastPeriodFrames() {
        return lastPeriodFrames;
    }

    public long xruns() {
        return xruns.get();
    }

    /**
     * Captures exactly these sources from now on, each serving the given handles: registers the ports of new
     * sources, publishes the new plan, then unregisters the ports no source needs any more.
     *
     * @param wanted Ardour port names (without client) per source, one per channel, to the tap points served
     */
    public synchronized CapturePlan update(Map<List<String>, Fanout> wanted) throws JackException {
        if (!alive) {
            return null;
        }
        List<ChannelBuffer[]> buffers = new ArrayList<>();
        List<Fanout> fanouts = new ArrayList<>();
        Map<String, Integer> sources = new HashMap<>();
        for (Map.Entry<List<String>, Fanout> e : wanted.entrySet()) {
            JackPort[] ps = ports.get(e.getKey());
            if (ps == null) {
                ps = new JackPort[e.getKey().size()];
                int n = nextPort++;
                for (int c = 0; c < ps.length; c++) {
                    ps[c] = client.registerPort(
                            "tap" + n + "-" + (c + 1), JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
                }
                ports.put(e.getKey(), ps);
            }
            ChannelBuffer[] cb = new ChannelBuffer[ps.length];
            for (int c = 0; c < ps.length; c++) {
                cb[c] = ps[c]::getFloatBuffer;
                sources.put(ps[c].getName(), buffers.size());
            }
            buffers.add(cb);
            fanouts.add(e.getValue());
        }
        CapturePlan next;
        int rate;
        int period;
        do { // a format change during the build: build again for the new format (the format thread may not see it)
            rate = sampleRate;
            period = bufferSize;
            next = new CapturePlan(buffers, fanouts, sources, rate, period, RING_SLOTS);
            plan.set(next);
        } while (rate != sampleRate || period != bufferSize);
        List<JackPort> unused = new ArrayList<>();
        ports.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) {
                return false;
            }
            unused.addAll(Arrays.asList(e.getValue()));
            return true;
        });
        if (!unused.isEmpty()) {
            try {
                Thread.sleep(Math.max(20, 3000L * bufferSize / sampleRate));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            for (JackPort p : unused) {
                client.unregisterPort(p);
            }
        }
        return next;
    }

    /**
     * Connects each of our ports to the Ardour port it taps and nothing else. Ardour's ports are found by
     * their name without the client prefix: the GUI's client is "ardour", but ardour7-lua's JACK client has an
     * empty name, so its ports are ":send 3/audio_send 1".
     *
     * @return how many tap channels are connected
     */
    public synchronized int wire() throws JackException {
        if (!alive) {
            return 0;
        }
        Map<String, String> byShortName = new HashMap<>();
        String ours = client.getName() + ":";
        for (String full : jack.getPorts(client, "", JackPortType.AUDIO, EnumSet.of(JackPortFlags.JackPortIsOutput))) {
            int colon = full.indexOf(':');
            if (colon >= 0 && !full.startsWith(ours)) {
                byShortName.putIfAbsent(full.substring(colon + 1), full);
            }
        }
        int connected = 0;
        for (Map.Entry<List<String>, JackPort[]> e : ports.entrySet()) {
            for (int c = 0; c < e.getValue().length; c++) {
                JackPort mine = e.getValue()[c];
                String want = byShortName.get(e.getKey().get(c));
                Set<String> have = new HashSet<>(Arrays.asList(mine.getConnections()));
                for (String h : have) {
                    if (!h.equals(want)) {
                        jack.disconnect(client, h, mine.getName());
                    }
                }
                if (want != null) {
                    if (!have.contains(want)) {
                        jack.connect(client, want, mine.getName());
                        settle(mine.getName());
                    }
                    connected++;
                }
            }
        }
        return connected;
    }

    /** How many tap sources the current plan captures. */
    public int sources() {
        CapturePlan p = plan.get();
        return p == null ? 0 : p.sources();
    }

    /**
     * The format thread: republishes the current plan whenever the server's format is no longer the plan's.
     * Lock-free against {@link #update}: a plan replaced meanwhile is not overwritten (compare-and-set).
     */
    private void followFormat() {
        while (formatThread == Thread.currentThread()) {
            CapturePlan p = plan.get();
            int rate = sampleRate;
            int period = bufferSize;
            if (p != null && alive && (p.sampleRate() != rate || p.maxFrames() < period)) {
                try {
                    if (plan.compareAndSet(p, p.withFormat(rate, period))) {
                        LOG.info(() -> "JACK format now " + rate + " Hz, period " + period + " frames: taps follow");
                    }
                    continue;
                } catch (RuntimeException | OutOfMemoryError e) {
                    // the thread must outlive a failed attempt: without it every longer period is dropped
                    LOG.warning(() -> "no capture plan for " + rate + " Hz, " + period + " frames yet: " + e);
                }
            }
            LockSupport.parkNanos(500_000_000L);
        }
    }

    /** Buffer-size and sample-rate callbacks: note the new format and wake the format thread; nothing more. */
    private final class FormatChange implements JackBufferSizeCallback, JackSampleRateCallback {
        @Override
        public void buffersizeChanged(JackClient c, int frames) {
            bufferSize = frames;
            wakeFormatThread();
        }

        @Override
        public void sampleRateChanged(JackClient c, int rate) {
            sampleRate = rate;
            wakeFormatThread();
        }
    }

    private void wakeFormatThread() {
        Thread t = formatThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public synchronized void close() {
        alive = false;
        plan.set(null);
        Thread t = formatThread;
        formatThread = null;
        if (t != null) {
            LockSupport.unpark(t);
        }
        if (client != null) {
            client.close();
            client = null;
        }
        ports.clear();
    }

    /** Periods a source's audio is left out after one of its ports is connected. */
    static final int SETTLE_PERIODS = 16;

    private void settle(String ourPort) {
        CapturePlan p = plan.get();
        Integer source = p == null ? null : p.sourceOfPort(ourPort);
        if (p != null && source != null && source < p.sources()) {
            // from now on; periods that ran before we heard of the connection are the streamer's plausibility
            // check's to catch
            long period = Math.max(bufferSize, 1);
            p.settle(source, position + SETTLE_PERIODS * period);
        }
    }

    /** JACK's notification thread: any connection change of our ports (Ardour restores saved ones itself). */
    private final class Connections implements JackPortConnectCallback {
        @Override
        public void portsConnected(JackClient c, String a, String b) {
            settle(a);
            settle(b);
        }

        @Override
        public void portsDisconnected(JackClient c, String a, String b) {
            settle(a);
            settle(b);
        }
    }

    /** The process callback: real time. Reads the plan, copies, returns; no allocation, no lock, no exception out. */
    private final class Process implements JackProcessCallback {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private long periods;

        @Override
        public boolean process(JackClient c, int frames) {
            try {
                CapturePlan p = plan.get();
                long pos = position;
                position = pos + frames;
                lastPeriodFrames = frames;
                if (p == null) {
                    return true;
                }
                if (frames > p.maxFrames()) {
                    // a longer period than announced (PipeWire may change its quantum before telling us)
                    bufferSize = frames;
                    wakeFormatThread();
                }
                boolean captured;
                if (probeAllocations && ++periods > PROBE_WARMUP_PERIODS) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    captured = p.capture(frames, pos);
                    long used = threads.getCurrentThreadAllocatedBytes() - before;
                    probedPeriods++;
                    if (used > 0) {
                        allocatingPeriods++;
                        maxCallbackAllocation = Math.max(maxCallbackAllocation, used);
                    }
                } else {
                    captured = p.capture(frames, pos);
                }
                if (captured) {
                    capturedPeriods++;
                } else {
                    droppedPeriods++;
                }
            } catch (Throwable t) {
                // never into native code: count it and keep the JACK graph running
                callbackErrors++;
            }
            return true;
        }
    }

    private final class Shutdown implements JackShutdownCallback {
        @Override
        public void clientShutdown(JackClient c) {
            alive = false;
            plan.set(null);
            LOG.warning("the JACK server shut our client down; reopening when it is back");
        }
    }
}
