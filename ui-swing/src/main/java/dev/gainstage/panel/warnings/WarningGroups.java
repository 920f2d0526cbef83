package dev.gainstage.panel.warnings;

import dev.gainstage.proto.v1.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Groups active warnings by root cause: one group per primary, newest primary first. */
public final class WarningGroups {
    private WarningGroups() {}

    public static List<WarningGroup> of(List<Warning> warnings) {
        Set<String> ids = warnings.stream().map(Warning::getId).collect(Collectors.toSet());
        Map<String, List<Warning>> followers = new LinkedHashMap<>();
        List<Warning> primaries = new ArrayList<>();
        for (Warning w : warnings) {
            // A follower whose primary is not active (cleared first) stands on its own.
            if (!w.getRootCauseId().isEmpty() && ids.contains(w.getRootCauseId())) {
                followers
                        .computeIfAbsent(w.getRootCauseId(), k -> new ArrayList<>())
                        .add(w);
            } else {
                primaries.add(w);
            }
        }
        Comparator<Warning> newestFirst = Comparator.comparingDouble(Warning::getFirstSeenSeconds)
                .reversed()
                .thenComparing(Warning::getId);
        primaries.sort(Comparator.comparing((Warning w) -> w.getSeverity().getNumber())
                .reversed()
                .thenComparing(newestFirst));
        List<WarningGroup> groups = new ArrayList<>();
        for (Warning p : primaries) {
            List<Warning> f = new ArrayList<>(followers.getOrDefault(p.getId(), List.of()));
            f.sort(newestFirst);
            groups.add(new WarningGroup(p, f));
        }
        return groups;
    }
}
