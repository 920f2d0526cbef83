package dev.gainstage.panel.warnings;

import dev.gainstage.proto.v1.Warning;
import java.util.List;

/** A primary warning and the downstream warnings that follow from it. */
public record WarningGroup(Warning primary, List<Warning> followers) {
    public WarningGroup {
        followers = List.copyOf(followers);
    }
}
