package dev.gainstage.adapter.ardour.jack;

import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPortConnectCallback;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackProcessCallback;
import org.jaudiolibs.jnajack.JackShutdownCallback;
import org.jaudiolibs.jnajack.JackStatus;

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
import java.util.logging.Logger;

/**
 * The adapter's JACK client: one input port per channel of every tap source, connected to Ardour's tap-send
 * and output ports, copied each period into the current {@link CapturePlan}'s ring by the process callback.
 *
 * <p>Threads: {@link #update} and {@link #wire} run on the adapter's control thread (they register ports and
 * connect, which JACK forbids in the process callback); the process callback only reads the published plan.
 * Ports leave the plan before they are unregistered, and the callback gets two periods to let go of them.
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
    private final Map<List<String>, JackPort[]> ports = new LinkedHashMap<>();
    private final AtomicLong xruns = new AtomicLong();
    private Jack jack;
    private JackClient client;
    private int sampleRate;
    private int bufferSize;
    private int nextPort = 1;
    private volatile CapturePlan plan;
    private volatile boolean alive;
    private volatile long maxCallbackAllocation;
    private volatile long allocatingPeriods;
    private volatile long probedPeriods;
    private volatile long callbackErrors;
    /** Frames processed since the client started: written by the process callback, read for settling. */
    private volatile long position;
    /** Our port's full name to its source in the current plan, for the connect callback. */
    private volatile Map<String, Integer> sourceOfPort = Map.of();
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
            JackClient probe = Jack.getInstance().openClient("gainstage-probe", EnumSet.of(JackOptions.JackNoStartServer), status);
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
        client.activate();
        alive = true;
        LOG.info(() -> "JACK client " + client.getName() + " at " + sampleRate + " Hz, " + bufferSize + " frames");
    }

    public boolean alive() {
        return alive;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public CapturePlan plan() {
        return plan;
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
                    ps[c] = client.registerPort("tap" + n + "-" + (c + 1), JackPortType.AUDIO,
                            JackPortFlags.JackPortIsInput);
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
        CapturePlan next = new CapturePlan(buffers, fanouts, Math.max(bufferSize, 1024), RING_SLOTS);
        plan = next;
        sourceOfPort = Map.copyOf(sources);
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
        CapturePlan p = plan;
        return p == null ? 0 : p.sources();
    }

    @Override
    public synchronized void close() {
        alive = false;
        plan = null;
        if (client != null) {
            client.close();
            client = null;
        }
        ports.clear();
    }

    /** Periods a source's audio is left out after one of its ports is connected. */
    static final int SETTLE_PERIODS = 16;

    private void settle(String ourPort) {
        CapturePlan p = plan;
        Integer source = sourceOfPort.get(ourPort);
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
                CapturePlan p = plan;
                long pos = position;
                position = pos + frames;
                if (p == null) {
                    return true;
                }
                if (probeAllocations && ++periods > PROBE_WARMUP_PERIODS) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    p.capture(frames, pos);
                    long used = threads.getCurrentThreadAllocatedBytes() - before;
                    probedPeriods++;
                    if (used > 0) {
                        allocatingPeriods++;
                        maxCallbackAllocation = Math.max(maxCallbackAllocation, used);
                    }
                } else {
                    p.capture(frames, pos);
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
            plan = null;
            LOG.warning("the JACK server shut our client down; reopening when it is back");
        }
    }
}
