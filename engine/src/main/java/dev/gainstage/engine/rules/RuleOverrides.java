package dev.gainstage.engine.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Thresholds one layer sets explicitly (the sidecar's --rules file, or one session), by their
 * config.proto names; the layer below supplies the rest. Only the names are checked here: whether
 * the values make sense is judged on the whole config they produce ({@link RuleLayers#effective()}).
 */
public record RuleOverrides(Map<String, Double> values) {
    public static final RuleOverrides NONE = new RuleOverrides(new TreeMap<>());

    /** @throws IllegalArgumentException naming a threshold that does not exist */
    public RuleOverrides {
        values.keySet().forEach(RuleOverrides::checkName);
        values.values().forEach(java.util.Objects::requireNonNull);
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values)); // sorted: stable files and messages
    }

    /** The thresholds that differ between two full configs, e.g. what a --rules file changed. */
    public static RuleOverrides difference(RuleConfig base, RuleConfig changed) {
        Map<String, Double> diff = new TreeMap<>(changed.byName());
        base.byName().forEach((name, value) -> diff.remove(name, value));
        return new RuleOverrides(diff);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These overrides with {@code newer}'s on top. */
    public RuleOverrides merge(RuleOverrides newer) {
        Map<String, Double> m = new TreeMap<>(values);
        m.putAll(newer.values);
        return new RuleOverrides(m);
    }

    /** These overrides without the named ones (which then come from the layer below). */
    public RuleOverrides without(Collection<String> names) {
        names.forEach(RuleOverrides::checkName);
        Map<String, Double> m = new TreeMap<>(values);
        m.keySet().removeAll(names);
        return new RuleOverrides(m);
    }

    private static void checkName(String name) {
        if (!RuleConfig.names().contains(name)) {
            throw new IllegalArgumentException(
                    "unknown threshold '" + name + "'; known: " + String.join(", ", RuleConfig.names()));
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
