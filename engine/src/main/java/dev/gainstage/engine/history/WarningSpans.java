package dev.gainstage.engine.history;

import dev.gainstage.engine.rules.RuleWording;
import dev.gainstage.engine.rules.Warning;
import dev.gainstage.engine.rules.WarningState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every warning's span on the DAW's timeline, from the tracker's events: a RAISED event opens a span
 * at the transport position it was heard at, UPDATED moves its update point, CLEARED closes it.
 * Bounded by {@link HistoryLimits#maxWarningSpans()}: past it the oldest cleared span goes first (the
 * oldest of all when every one is active). Owned by one thread (the session's adapter side).
 */
public final class WarningSpans {
    private final int maxSpans;
    /** Spans by their serial number, oldest raised first. */
    private final LinkedHashMap<Long, WarningSpan> spans = new LinkedHashMap<>();
    /** The open span of each raised warning id. */
    private final Map<String, Long> open = new HashMap<>();

    private long serial;

    public WarningSpans(HistoryLimits limits) {
        this.maxSpans = limits.maxWarningSpans();
    }

    /** One event of the warning tracker, heard at transport seconds {@code at}. */
    public void onEvent(Warning event, double at) {
        Long key = open.get(event.id());
        WarningSpan span = key == null ? null : spans.get(key);
        switch (event.state()) {
            case RAISED -> {
                key = ++serial;
                open.put(event.id(), key);
                spans.put(key, opened(event, at));
                trim();
            }
            case UPDATED -> {
                if (span != null) {
                    spans.put(key, updated(span, event, at, span.clearedSeconds()));
                }
            }
            case CLEARED -> {
                if (span != null) {
                    spans.put(key, updated(span, event, span.updatedSeconds(), at));
                    open.remove(event.id());
                }
            }
        }
    }

    /** The spans that overlap {@code [from, to]}, oldest raised first. */
    public List<WarningSpan> overlapping(double from, double to) {
        List<WarningSpan> out = new ArrayList<>();
        for (WarningSpan s : spans.values()) {
            if (s.overlaps(from, to)) {
                out.add(s);
            }
        }
        return out;
    }

    public int size() {
        return spans.size();
    }

    private void trim() {
        if (spans.size() <= maxSpans) {
            return;
        }
        for (Iterator<WarningSpan> it = spans.values().iterator(); it.hasNext(); ) {
            if (!it.next().active()) {
                it.remove();
                return;
            }
        }
        Iterator<Map.Entry<Long, WarningSpan>> oldest = spans.entrySet().iterator();
        open.values().remove(oldest.next().getKey());
        oldest.remove();
    }

    private static WarningSpan opened(Warning w, double at) {
        return new WarningSpan(
                w.id(),
                w.rule(),
                RuleWording.title(w.rule()),
                w.stripName(),
                w.stageName(),
                w.stageId(),
                w.message(),
                at,
                at,
                0,
                Double.NaN,
                w.peakMeasured(),
                w.unit());
    }

    private static WarningSpan updated(WarningSpan s, Warning w, double updatedAt, double clearedAt) {
        boolean isUpdate = w.state() == WarningState.UPDATED;
        return new WarningSpan(
                s.warningId(),
                s.rule(),
                s.title(),
                s.stripName(),
                s.stageName(),
                s.stageId(),
                s.message(),
                s.raisedSeconds(),
                updatedAt,
                isUpdate ? s.updates() + 1 : s.updates(),
                clearedAt,
                w.peakMeasured(),
                s.unit());
    }
}
