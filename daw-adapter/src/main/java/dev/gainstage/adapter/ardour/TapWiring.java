package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.jack.Fanout;
import dev.gainstage.adapter.ardour.jack.JackTapClient;
import dev.gainstage.adapter.ardour.jack.LoadedLibjack;
import dev.gainstage.adapter.ardour.jack.TapBudget;
import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.adapter.link.TapTable;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.AdapterNotice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jaudiolibs.jnajack.JackException;

/**
 * The JACK side of the taps: plans which Ardour ports the JACK client captures for the taps the sidecar wants
 * (within the port budget, the most important taps first), updates the client's ports and wires them, and says
 * when taps had to be left out. Control thread only (JACK forbids port changes in the process callback).
 */
final class TapWiring {
    private static final Logger LOG = Logger.getLogger(TapWiring.class.getName());

    private final JackTapClient jack;
    private final int maxTapPorts;
    private Map<List<String>, Fanout> capturing = Map.of();
    /** The notice last sent about taps left out ("" for none). */
    private String lastNotice = "";

    private volatile int connectedTapChannels;

    /**
     * @param maxTapPorts the JACK ports the taps may use; 0 = PipeWire's default cap when its libjack is the one
     *                    loaded, else no limit
     */
    TapWiring(JackTapClient jack, int maxTapPorts) {
        this.jack = jack;
        this.maxTapPorts = maxTapPorts;
    }

    int connectedTapChannels() {
        return connectedTapChannels;
    }

    /** (Re)opens the JACK client and captures the wanted taps again; logs when JACK is not there (yet). */
    void reopen(ArdourSession session, SidecarLink link) {
        try {
            jack.close();
            jack.open();
            capturing = Map.of();
            update(session, link, true);
        } catch (JackException | RuntimeException e) {
            LOG.warning(() -> "JACK is not available (" + e.getMessage() + "); retrying");
        }
    }

    /** Rebuilds the capture plan when the wanted taps changed (or {@code force}), and rewires. */
    void update(ArdourSession s, SidecarLink l, boolean force) {
        if (s == null || l == null || !jack.alive()) {
            return;
        }
        TapTable table = l.taps();
        Map<List<String>, Integer> rankOfSource = new HashMap<>();
        Map<List<String>, Fanout> wanted = wanted(s, table, rankOfSource);
        TapBudget.Fit fit = TapBudget.fit(wanted, rankOfSource::get, tapPortBudget());
        try {
            if (force || !fit.kept().equals(capturing)) {
                jack.update(fit.kept());
                capturing = fit.kept();
                LOG.fine(() -> "capturing " + fit.kept().size() + " tap sources for " + table.size() + " taps");
                sayWhatIsNotTapped(fit, l);
            }
            connectedTapChannels = jack.wire();
        } catch (JackException e) {
            LOG.warning(() -> "JACK refused a tap change: " + e.getMessage());
        }
    }

    /**
     * The sources to capture (Ardour's ports, one per channel) and the handles each serves, in a stable order;
     * fills {@code rankOfSource} with each source's most important tap.
     */
    private static Map<List<String>, Fanout> wanted(
            ArdourSession s, TapTable table, Map<List<String>, Integer> rankOfSource) {
        TapPriority priority = new TapPriority(s.strips());
        Map<List<String>, List<double[]>> bySource = new LinkedHashMap<>();
        List<Map.Entry<ArdourSession.TapKey, TapSource>> entries =
                new ArrayList<>(s.taps().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<ArdourSession.TapKey, TapSource> e) ->
                        e.getKey().stageId())
                .thenComparing(e -> e.getKey().point()));
        for (Map.Entry<ArdourSession.TapKey, TapSource> e : entries) {
            int handle = table.handle(e.getKey().stageId(), e.getKey().point());
            if (handle != 0) {
                bySource.computeIfAbsent(e.getValue().ports(), k -> new ArrayList<>())
                        .add(new double[] {handle, e.getValue().gain()});
                rankOfSource.merge(e.getValue().ports(), priority.rank(e.getKey()), Math::min);
            }
        }
        Map<List<String>, Fanout> wanted = new LinkedHashMap<>();
        bySource.forEach((k, v) -> {
            int[] handles = new int[v.size()];
            float[] gains = new float[v.size()];
            for (int i = 0; i < v.size(); i++) {
                handles[i] = (int) v.get(i)[0];
                gains[i] = (float) v.get(i)[1];
            }
            wanted.put(k, new Fanout(handles, gains));
        });
        return wanted;
    }

    /**
     * The JACK ports the taps may use: the configured number, or PipeWire's cap when its libjack is loaded;
     * 0 for no limit.
     */
    int tapPortBudget() {
        if (maxTapPorts > 0) {
            return maxTapPorts;
        }
        return LoadedLibjack.path().filter(LoadedLibjack::isPipeWire).isPresent()
                ? TapBudget.PIPEWIRE_DEFAULT_PORTS
                : 0;
    }

    /** Tells the user (log and panel) when taps were left out for the port budget, and when that is over. */
    private void sayWhatIsNotTapped(TapBudget.Fit fit, SidecarLink l) {
        String text = fit.complete()
                ? ""
                : ("gainstage can use " + fit.budget() + " JACK ports here, fewer than the "
                        + "session's taps need: " + fit.sourcesLeftOut() + " tap points (" + fit.channelsLeftOut()
                        + " channels) "
                        + "are not metered; the master, buses and plugin outputs are. With PipeWire, raise jack.max-client-ports "
                        + "(and run gainstage ardour --max-tap-ports N).");
        if (text.equals(lastNotice)) {
            return;
        }
        lastNotice = text;
        if (!text.isEmpty()) {
            LOG.warning(text);
        } else {
            LOG.info("every tap fits the JACK port budget again");
        }
        l.send(AdapterMessage.newBuilder()
                .setNotice(AdapterNotice.newBuilder().setText(text))
                .build());
    }
}
