package dev.gainstage.engine.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the user decided about a session, immutable: acknowledged warnings and checklist items (with
 * the reason given) and stages or strips marked intentional saturation.
 */
public record Decisions(Map<String, String> warningAcks, Map<String, String> itemAcks, Set<String> intentional) {
    public static final Decisions NONE = new Decisions(Map.of(), Map.of(), Set.of());

    public Decisions {
        warningAcks = Map.copyOf(warningAcks);
        itemAcks = Map.copyOf(itemAcks);
        intentional = Set.copyOf(intentional);
    }

    public Decisions acknowledgeWarning(String warningId, String reason) {
        Map<String, String> m = new HashMap<>(warningAcks);
        m.put(warningId, reason);
        return new Decisions(m, itemAcks, intentional);
    }

    public Decisions acknowledgeItem(String itemId, String reason) {
        Map<String, String> m = new HashMap<>(itemAcks);
        m.put(itemId, reason);
        return new Decisions(warningAcks, m, intentional);
    }

    public Decisions markIntentional(String id, boolean on) {
        Set<String> s = new HashSet<>(intentional);
        if (on) {
            s.add(id);
        } else {
            s.remove(id);
        }
        return new Decisions(warningAcks, itemAcks, s);
    }
}
