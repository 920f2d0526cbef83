package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.rules.RuleOverrides;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user decided about a session, immutable: acknowledged warnings and checklist items (with
 * the reason given), stages or strips marked intentional saturation, the session's own rule
 * thresholds, the history of decisions that can be undone (oldest first, at most {@link #MAX_HISTORY}:
 * older ones stay in effect but can no longer be undone one by one), and the delivery target its master is
 * checked against. They are one value so that they are
 * saved together, in one atomic write.
 */
public record Decisions(
        Map<String, String> warningAcks,
        Map<String, String> itemAcks,
        Set<String> intentional,
        RuleOverrides ruleOverrides,
        List<DecisionRecord> history,
        DeliveryTarget deliveryTarget) {
    public static final int MAX_HISTORY = 100;
    public static final Decisions NONE = new Decisions(Map.of(), Map.of(), Set.of());

    public Decisions {
        warningAcks = Map.copyOf(warningAcks);
        itemAcks = Map.copyOf(itemAcks);
        intentional = Set.copyOf(intentional);
        ruleOverrides = Objects.requireNonNull(ruleOverrides);
        history = List.copyOf(
                history.size() > MAX_HISTORY ? history.subList(history.size() - MAX_HISTORY, history.size()) : history);
        deliveryTarget = Objects.requireNonNull(deliveryTarget);
    }

    public Decisions(Map<String, String> warningAcks, Map<String, String> itemAcks, Set<String> intentional) {
        this(warningAcks, itemAcks, intentional, RuleOverrides.NONE, List.of(), DeliveryTarget.NONE);
    }

    /** @throws IllegalArgumentException when the reason is empty or blank; nothing changes then */
    public Decisions acknowledgeWarning(String warningId, String reason) {
        Map<String, String> m = new HashMap<>(warningAcks);
        m.put(warningId, checkedReason(reason));
        return new Decisions(m, itemAcks, intentional, ruleOverrides, history, deliveryTarget);
    }

    /** @throws IllegalArgumentException when the reason is empty or blank; nothing changes then */
    public Decisions acknowledgeItem(String itemId, String reason) {
        Map<String, String> m = new HashMap<>(itemAcks);
        m.put(itemId, checkedReason(reason));
        return new Decisions(warningAcks, m, intentional, ruleOverrides, history, deliveryTarget);
    }

    /** An acknowledgement says why the problem is acceptable: one without a reason would hide it silently. */
    private static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(
                    "the reason is empty: say why this is acceptable (e.g. \"the drive is meant\")");
        }
        return reason.strip();
    }

    /** Withdraws a warning's (or with {@code item}, a checklist item's) acknowledgement. */
    public Decisions withdrawAcknowledgement(String id, boolean item) {
        Map<String, String> m = new HashMap<>(item ? itemAcks : warningAcks);
        m.remove(id);
        return item
                ? new Decisions(warningAcks, m, intentional, ruleOverrides, history, deliveryTarget)
                : new Decisions(m, itemAcks, intentional, ruleOverrides, history, deliveryTarget);
    }

    public Decisions markIntentional(String id, boolean on) {
        Set<String> s = new HashSet<>(intentional);
        if (on) {
            s.add(id);
        } else {
            s.remove(id);
        }
        return new Decisions(warningAcks, itemAcks, s, ruleOverrides, history, deliveryTarget);
    }

    public Decisions withRuleOverrides(RuleOverrides overrides) {
        return new Decisions(warningAcks, itemAcks, intentional, overrides, history, deliveryTarget);
    }

    /** The number the next recorded decision gets. */
    public long nextNumber() {
        return history.isEmpty() ? 1 : history.getLast().number() + 1;
    }

    /**
     * Adds a decision to the history. An earlier acknowledgement or intentional mark of the same target leaves
     * it: the new one supersedes it, and undoing that earlier one would no longer mean anything.
     */
    public Decisions record(DecisionRecord r) {
        List<DecisionRecord> h = new ArrayList<>(history);
        if (r.kind() != DecisionRecord.Kind.FIX) {
            h.removeIf(old -> old.kind() == r.kind() && old.targetId().equals(r.targetId()));
        }
        h.add(r);
        return new Decisions(warningAcks, itemAcks, intentional, ruleOverrides, h, deliveryTarget);
    }

    /** The history with {@code r} replaced by its new version (a fix partly undone), or left out when null. */
    public Decisions replaceRecord(DecisionRecord r, DecisionRecord replacement) {
        List<DecisionRecord> h = new ArrayList<>();
        for (DecisionRecord old : history) {
            if (old.number() != r.number()) {
                h.add(old);
            } else if (replacement != null) {
                h.add(replacement);
            }
        }
        return new Decisions(warningAcks, itemAcks, intentional, ruleOverrides, h, deliveryTarget);
    }

    /** The decision of this id, or with {@code id} empty the most recent of {@code kind} (null = any kind). */
    public Optional<DecisionRecord> find(String id, DecisionRecord.Kind kind) {
        for (DecisionRecord r : history.reversed()) {
            if (id.isEmpty() ? kind == null || r.kind() == kind : r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Decisions withDeliveryTarget(DeliveryTarget target) {
        return new Decisions(warningAcks, itemAcks, intentional, ruleOverrides, history, target);
    }
}
