package dev.gainstage.adapter.ardour.jack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackShutdownCallback;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * The adapter's JACK client: one input port per channel of every tap source, connected to Ardour's tap-send
 * and output ports, copied each period into the current {@link CapturePlan}'s ring by the process callback
 * ({@link TapProcess}); the server's format, and the plan following it, are {@link JackFormat}'s.
 *
 * <p>Threads: {@link #update} and {@link #wire} run on the adapter's control thread (they register ports and
 * connect, which JACK forbids in the process callback); the process callback only reads the published plan.
 *
 * <p>Ports are registered, never unregistered while the client runs: a port no source needs any more is
 * disconnected and kept idle, and the next new source takes it. jnajack's process wrapper fetches the buffer of
 * every port it has registered before it calls us, and it unregisters a port natively before it drops the port
 * from that list; a period running in between asks for the buffer of a dead port, which PipeWire answers with
 * NULL: jnajack's wrapper then throws, fails the period and detaches the thread. A port leaves the plan before it
 * goes idle, and goes idle only once the callback finished {@value #RELEASE_PERIODS} periods after the new plan
 * was published (the first may still be the one that read the old plan, the second began after it), so a
 * source never receives a period of the one it replaced.
 */
public final class JackTapClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JackTapClient.class.getName());
    private static final int RING_SLOTS = 64;
    /** Periods the callback finishes after a plan change before the old plan's ports go idle. */
    static final int RELEASE_PERIODS = 2;
    /** The longest wait for those periods: a server that stopped calling us runs no period either. */
    private static final long RELEASE_TIMEOUT_NANOS = 1_000_000_000L;

    private final String clientName;
    private final AtomicReference<CapturePlan> plan = new AtomicReference<>();
    // JNA keeps only weak references to callbacks: these fields keep them alive while the client runs.
    private final JackFormat format = new JackFormat(plan);
    private final TapProcess process;
    private final Shutdown shutdown = new Shutdown();
    private final PortSettling settling;
    private final Map<List<String>, JackPort[]> ports = new LinkedHashMap<>();
    /** Registered ports no source uses, disconnected, reused before a new one is registered. */
    private final ArrayDeque<JackPort> idle = new ArrayDeque<>();

    private final AtomicLong xruns = new AtomicLong();
    private Jack jack;
    private JackClient client;

    private int nextPort = 1;
    private volatile boolean alive;
    /** {@link System#nanoTime} when the server last shut the client down; 0 for never. */
    private volatile long lostNanos;

    /**
     * @param probeAllocations measure what the process callback's own code allocates (tests)
     */
    public JackTapClient(String clientName, boolean probeAllocations) {
        this.clientName = clientName;
        this.process = new TapProcess(plan, format, probeAllocations);
        this.settling = new PortSettling(plan, format, process);
    }

    public synchronized void open() throws JackException {
        ports.clear(); // a client the server shut down took its ports with it
        idle.clear();
        jack = Jack.getInstance();
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        // The server is libjack's default: $JACK_DEFAULT_SERVER, else "default" (jnajack cannot name one).
        client = jack.openClient(clientName, EnumSet.of(JackOptions.JackNoStartServer), status);
        format.opened(client.getSampleRate(), client.getBufferSize());
        client.setProcessCallback(process);
        client.onShutdown(shutdown);
        client.setXrunCallback(c -> xruns.incrementAndGet());
        client.setPortConnectCallback(settling);
        client.setBuffersizeCallback(format);
        client.setSampleRateCallback(format);
        client.activate();
        alive = true;
        LOG.info(() -> "JACK client " + client.getName() + " at " + format.sampleRate() + " Hz, " + format.bufferSize()
                + " frames");
    }

    public boolean alive() {
        return alive;
    }

    /** {@link System#nanoTime} when the server last shut the client down; 0 for never. */
    public long lostNanos() {
        return lostNanos;
    }

    public int sampleRate() {
        return format.sampleRate();
    }

    /** The server's period in frames, as last reported (or seen). */
    public int bufferSize() {
        return format.bufferSize();
    }

    public CapturePlan plan() {
        return plan.get();
    }

    /** Frames the process callback has seen since the client opened: the tap position of the next period. */
    public long streamPosition() {
        return process.position();
    }

    /**
     * The most the process callback's own code allocated in one period (with probing on, after the first
     * {@value TapProcess#PROBE_WARMUP_PERIODS} periods), in bytes.
     */
    public long maxCallbackAllocation() {
        return process.maxCallbackAllocation();
    }

    /** Periods in which the callback's own code allocated anything (probing on, after warm-up). */
    public long allocatingPeriods() {
        return process.allocatingPeriods();
    }

    /** Periods the allocation probe watched. */
    public long probedPeriods() {
        return process.probedPeriods();
    }

    public long callbackErrors() {
        return process.callbackErrors();
    }

    /** Periods the process callback copied into a plan's ring, over the client's life (every plan, every format). */
    public long capturedPeriods() {
        return process.capturedPeriods();
    }

    /**
     * Periods that went to no ring while a plan was published: the ring was full, or the period was longer than
     * the plan held (until the format thread published one that holds it). Over the client's life.
     */
    public long droppedPeriods() {
        return process.droppedPeriods();
    }

    /** The frames of the last period the process callback ran: the server's period as the taps see it. */
    public int lastPeriodFrames() {
        return process.lastPeriodFrames();
    }

    public long xruns() {
        return xruns.get();
    }

    /**
     * Captures exactly these sources from now on, each serving the given handles: gives new sources idle ports or
     * registers new ones, publishes the new plan, then disconnects the ports no source needs any more and keeps
     * them idle.
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
                for (int c = 0; c < ps.length; c++) {
                    ps[c] = idle.isEmpty() ? register() : idle.removeFirst();
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
        long published;
        do { // a format change during the build: build again for the new format (the format thread may not see it)
            rate = format.sampleRate();
            period = format.bufferSize();
            next = new CapturePlan(buffers, fanouts, sources, rate, period, RING_SLOTS);
            plan.set(next);
            published = process.completed();
        } while (rate != format.sampleRate() || period != format.bufferSize());
        List<JackPort> unused = new ArrayList<>();
        ports.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) {
                return false;
            }
            unused.addAll(Arrays.asList(e.getValue()));
            return true;
        });
        if (!unused.isEmpty()) {
            long periodNanos = 1_000_000_000L * Math.max(1, format.bufferSize()) / Math.max(1, format.sampleRate());
            if (!process.awaitPeriodsAfter(published, RELEASE_PERIODS, periodNanos, RELEASE_TIMEOUT_NANOS)) {
                LOG.fine("the JACK callback ran no period for a second; idling the old taps' ports");
            }
            for (JackPort p : unused) {
                for (String peer : p.getConnections()) {
                    jack.disconnect(client, peer, p.getName());
                }
                idle.addLast(p);
            }
        }
        return next;
    }

    private JackPort register() throws JackException {
        return client.registerPort("tap" + nextPort++, JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
    }

    /** Ports registered now, those in use and those idle: the most any plan so far needed. */
    public synchronized int registeredPorts() {
        int n = idle.size();
        for (JackPort[] ps : ports.values()) {
            n += ps.length;
        }
        return n;
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
                        settling.settle(mine.getName());
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

    @Override
    public synchronized void close() {
        alive = false;
        plan.set(null);
        format.stop();
        if (client != null) {
            client.close();
            client = null;
        }
        ports.clear();
        idle.clear();
    }

    private final class Shutdown implements JackShutdownCallback {
        @Override
        public void clientShutdown(JackClient c) {
            alive = false;
            lostNanos = System.nanoTime();
            plan.set(null);
            LOG.warning("the JACK server shut our client down; reopening when it is back");
        }
    }
}
