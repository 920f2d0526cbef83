package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.Checklist;
import dev.gainstage.engine.graph.SessionGraph;
import dev.gainstage.engine.graph.TapKey;
import dev.gainstage.engine.metering.ChannelLevel;
import dev.gainstage.engine.metering.MeterReading;
import dev.gainstage.engine.rules.Warning;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a watcher shows of a session at one moment, immutable, published whole so a reader on
 * another thread never sees half an update.
 *
 * @param version      increases with every publication
 * @param recentEvents the last warning events, oldest first, for watchers to catch up from
 * @param drops        blocks the adapter dropped, per stage id
 * @param notices      problems the user should know of (e.g. saved decisions that could not be read)
 * @param undoable     the decisions the user can undo, oldest first
 * @param channelLevels each multichannel tap's peaks per channel, of the same tick as {@code readings}
 * @param master       the master's loudness against the session's delivery target
 * @param compare      the level-matched A/B running, if any
 */
public record SessionState(
        String sessionKey,
        String sessionName,
        long version,
        double audioSeconds,
        boolean adapterConnected,
        String adapterName,
        boolean rolling,
        SessionGraph graph,
        Map<TapKey, MeterReading> readings,
        List<Warning> warnings,
        List<WarningEvent> recentEvents,
        Checklist checklist,
        Map<String, Long> drops,
        Set<String> intentional,
        List<String> notices,
        List<DecisionRecord> undoable,
        Map<TapKey, List<ChannelLevel>> channelLevels,
        MasterLoudness master,

        Optional<Comparison> compare) {
    public SessionState {
        readings = Map.copyOf(readings);
        warnings = List.copyOf(warnings);
        recentEvents = List.copyOf(recentEvents);
        drops = Map.copyOf(drops);
        intentional = Set.copyOf(intentional);
        notices = List.copyOf(notices);
        undoable = List.copyOf(undoable);
        channelLevels = Map.copyOf(channelLevels);
    }

    public static SessionState empty(String key) {
        return new SessionState(
                key,
                key,
                0,
                0,
                false,
                "",
                false,
                SessionGraph.EMPTY,
                Map.of(),
                List.of(),
                List.of(),
                Checklist.EMPTY,
                Map.of(),
                Set.of(),
                List.of(),
                List.of(),
                Map.of(),
                MasterLoudness.NONE,
                Optional.empty());
    }

    /** The warnings not acknowledged: those the user still has to look at. */
    public long unacknowledgedWarnings() {
        return warnings.stream().filter(w -> !w.acknowledged()).count();
    }

    public MeterReading reading(TapKey key) {
        return readings.get(key);
    }

    /** A tap's peaks per channel; empty for a mono tap or one not measured. */
    public List<ChannelLevel> channelLevels(TapKey key) {
        return channelLevels.getOrDefault(key, List.of());
    }

    public long droppedBlocks() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
