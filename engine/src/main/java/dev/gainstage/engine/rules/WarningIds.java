package dev.gainstage.engine.rules;

/** Stable warning ids: the same problem on the same stage always has the same id. */
public final class WarningIds {
    private WarningIds() {}

    public static String of(Rule rule, String stageId) {
        return rule.name() + "@" + stageId;
    }
}
