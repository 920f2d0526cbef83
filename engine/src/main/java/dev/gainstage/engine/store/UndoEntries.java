package dev.gainstage.engine.store;

import dev.gainstage.engine.session.DecisionRecord;
import dev.gainstage.engine.session.GainChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The undo history as entries of the decisions file: {@code undo.<number>.kind}, {@code .target}, {@code .text},
 * {@code .time}, {@code .item}, {@code .was-intentional}, and per gain of a fix {@code undo.<number>.gain.<i>.stage},
 * {@code .name}, {@code .before}, {@code .after}, {@code .change} (NaN where not known).
 */
final class UndoEntries {
    private static final String PREFIX = "undo.";

    private UndoEntries() {}

    static void put(Map<String, String> entries, DecisionRecord r) {
        String p = PREFIX + r.number() + ".";
        entries.put(p + "kind", r.kind().name());
        entries.put(p + "target", r.targetId());
        entries.put(p + "text", r.text());
        entries.put(p + "time", Double.toString(r.audioSeconds()));
        entries.put(p + "item", Boolean.toString(r.itemAck()));
        entries.put(p + "was-intentional", Boolean.toString(r.intentionalBefore()));
        for (int i = 0; i < r.gains().size(); i++) {
            GainChange g = r.gains().get(i);
            String q = p + "gain." + i + ".";
            entries.put(q + "stage", g.stageId());
            entries.put(q + "name", g.stageName());
            entries.put(q + "before", Double.toString(g.beforeDb()));
            entries.put(q + "after", Double.toString(g.afterDb()));
            entries.put(q + "change", Double.toString(g.changeDb()));
        }
    }

    /** The history, oldest first. */
    static List<DecisionRecord> read(Map<String, String> entries) throws DecisionStore.CorruptFileException {
        TreeMap<Long, Map<String, String>> byNumber = new TreeMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) {
                continue;
            }
            String rest = e.getKey().substring(PREFIX.length());
            int dot = rest.indexOf('.');
            long number;
            try {
                number = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
            } catch (NumberFormatException ex) {
                throw new DecisionStore.CorruptFileException(e.getKey() + " does not name an undo entry by number");
            }
            byNumber.computeIfAbsent(number, n -> new TreeMap<>())
                    .put(dot < 0 ? "" : rest.substring(dot + 1), e.getValue());
        }
        List<DecisionRecord> history = new ArrayList<>();
        for (Map.Entry<Long, Map<String, String>> e : byNumber.entrySet()) {
            history.add(record(e.getKey(), e.getValue()));
        }
        return history;
    }

    private static DecisionRecord record(long number, Map<String, String> f) throws DecisionStore.CorruptFileException {
        String p = PREFIX + number + ".";
        DecisionRecord.Kind kind;
        try {
            kind = DecisionRecord.Kind.valueOf(required(f, p, "kind"));
        } catch (IllegalArgumentException e) {
            throw new DecisionStore.CorruptFileException(p + "kind is '" + f.get("kind") + "', not a decision kind");
        }
        List<GainChange> gains = new ArrayList<>();
        for (int i = 0; f.containsKey("gain." + i + ".stage"); i++) {
            String q = "gain." + i + ".";
            gains.add(new GainChange(
                    f.get(q + "stage"),
                    f.getOrDefault(q + "name", f.get(q + "stage")),
                    DecisionStore.number(p + q + "before", required(f, p, q + "before")),
                    DecisionStore.number(p + q + "after", required(f, p, q + "after")),
                    DecisionStore.number(p + q + "change", required(f, p, q + "change"))));
        }
        return new DecisionRecord(
                number,
                kind,
                required(f, p, "target"),
                f.getOrDefault("text", ""),
                DecisionStore.number(p + "time", f.getOrDefault("time", "0")),
                Boolean.parseBoolean(f.get("item")),
                Boolean.parseBoolean(f.get("was-intentional")),
                gains);
    }

    private static String required(Map<String, String> f, String prefix, String field)
            throws DecisionStore.CorruptFileException {
        String v = f.get(field);
        if (v == null) {
            throw new DecisionStore.CorruptFileException(prefix + field + " is missing");
        }
        return v;
    }
}
