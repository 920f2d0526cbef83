package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.ChannelLevel;
import dev.gainstage.engine.metering.MeterReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Publishes the session as one immutable {@link SessionState} (a volatile reference: a reader on
 * another thread never sees half an update) and then tells the listeners. Publishing happens on the
 * session's adapter side (its lock); reading and listening from any thread.
 */
final class Publisher {
    private final List<String> notices;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile SessionState state;
    /** The attached adapter's notice, "" for none. */
    private String adapterNotice = "";

    private long version;

    /** @param notice a problem the user should know of from the start (e.g. unreadable saved decisions); may be empty */
    Publisher(String sessionKey, String notice) {
        this.notices = notice == null || notice.isEmpty() ? List.of() : List.of(notice);
        this.state = SessionState.empty(sessionKey);
    }

    SessionState state() {
        return state;
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    boolean watched() {
        return !listeners.isEmpty();
    }

    /** Replaces the adapter's notice; empty withdraws it. Shown from the next publication. */
    void adapterNotice(String text) {
        adapterNotice = text;
    }

    /** What the adapter side says of itself in a publication. */
    record Adapter(String sessionName, AdapterLink link, boolean rolling) {}

    void publish(
            Adapter adapter,
            double audioSeconds,
            SessionGraph graph,
            Map<TapKey, MeterReading> readings,
            Judge.Verdict verdict,
            Map<String, Long> drops,
            Decisions decisions,
            Map<TapKey, List<ChannelLevel>> channelLevels,
            MasterLoudness master,
            Optional<Comparison> compare) {
        AdapterLink link = adapter.link();
        state = new SessionState(
                state.sessionKey(),
                adapter.sessionName(),
                ++version,
                audioSeconds,
                link != null,
                link == null ? "" : link.adapterName(),
                adapter.rolling(),
                graph,
                readings,
                verdict.warnings(),
                verdict.recentEvents(),
                verdict.checklist(),
                drops,
                decisions.intentional(),
                allNotices(),
                decisions.history(),
                channelLevels,
                master,
                compare);
        for (Runnable l : listeners) {
            l.run();
        }
    }

    private List<String> allNotices() {
        if (adapterNotice.isEmpty()) {
            return notices;
        }
        List<String> all = new ArrayList<>(notices);
        all.add(adapterNotice);
        return all;
    }
}
