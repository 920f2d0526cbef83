package dev.gainstage.adapter.ardour.jack;

import java.util.concurrent.atomic.AtomicReference;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackPortConnectCallback;

/**
 * Leaves a source's audio out for a few periods after any connection change of one of its ports: for a period
 * or two after a connect, JACK2 (1.9.21) can hand the port a buffer that holds no audio yet (see
 * {@link CapturePlan#settle}). Called by the control thread after it connects, and by JACK's notification thread
 * for every change (Ardour restores saved connections itself).
 */
final class PortSettling implements JackPortConnectCallback {
    /** Periods a source's audio is left out after one of its ports is connected. */
    static final int SETTLE_PERIODS = 16;

    private final AtomicReference<CapturePlan> plan;
    private final JackFormat format;
    private final TapProcess process;

    PortSettling(AtomicReference<CapturePlan> plan, JackFormat format, TapProcess process) {
        this.plan = plan;
        this.format = format;
        this.process = process;
    }

    /** One of our ports (by full name) was connected or disconnected. */
    void settle(String ourPort) {
        CapturePlan p = plan.get();
        Integer source = p == null ? null : p.sourceOfPort(ourPort);
        if (p != null && source != null && source < p.sources()) {
            // from now on; periods that ran before we heard of the connection are the streamer's plausibility
            // check's to catch
            long period = Math.max(format.bufferSize(), 1);
            p.settle(source, process.position() + SETTLE_PERIODS * period);
        }
    }

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
