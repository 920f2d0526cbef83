package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.DeliveryTarget;
import dev.gainstage.engine.rules.RuleOverrides;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the user decided about a session, immutable: acknowledged warnings and checklist items (with
 * the reason given), stages or strips marked intentional saturation, the session's own rule
 * thresholds, and the delivery target its master is checked against. They are one value so that they are saved together, in one atomic write.
 */
public record Decisions(
        Map<String, String> warningAcks,
        Map<String, String> itemAcks,
        Set<String> intentional,
        RuleOverrides ruleOverrides,
        DeliveryTarget deliveryTarget) {
    public static final Decisions NONE = new Decisions(Map.of(), Map.of(), Set.of());

    public Decisions {
        warningAcks = Map.copyOf(warningAcks);
        itemAcks = Map.copyOf(itemAcks);
        intentional = Set.copyOf(intentional);
        ruleOverrides = Objects.requireNonNull(ruleOverrides);
        deliveryTarget = Objects.requireNonNull(deliveryTarget);
    }

    public Decisions(
            Map<String, String> warningAcks,
            Map<String, String> itemAcks,
            Set<String> intentional,
            RuleOverrides ruleOverrides) {
        this(warningAcks, itemAcks, intentional, ruleOverrides, DeliveryTarget.NONE);
    }

    public Decisions(Map<String, String> warningAcks, Map<String, String> itemAcks, Set<String> intentional) {
        this(warningAcks, itemAcks, intentional, RuleOverrides.NONE);
    }

    public Decisions acknowledgeWarning(String warningId, String reason) {
        Map<String, String> m = new HashMap<>(warningAcks);
        m.put(warningId, reason);
        return new Decisions(m, itemAcks, intentional, ruleOverrides, deliveryTarget);
    }

    public Decisions acknowledgeItem(String itemId, String reason) {
        Map<String, String> m = new HashMap<>(itemAcks);
        m.put(itemId, reason);
        return new Decisions(warningAcks, m, intentional, ruleOverrides, deliveryTarget);
    }

    public Decisions markIntentional(String id, boolean on) {
        Set<String> s = new HashSet<>(intentional);
        if (on) {
            s.add(id);
        } else {
            s.remove(id);
        }
        return new Decisions(warningAcks, itemAcks, s, ruleOverrides, deliveryTarget);
    }

    public Decisions withRuleOverrides(RuleOverrides overrides) {
        return new Decisions(warningAcks, itemAcks, intentional, overrides, deliveryTarget);
    }

    public Decisions withDeliveryTarget(DeliveryTarget target) {
        return new Decisions(warningAcks, itemAcks, intentional, ruleOverrides, target);
    }
}
