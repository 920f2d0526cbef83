package dev.gainstage.panel.overview;

import dev.gainstage.panel.StagingColors;
import dev.gainstage.proto.v1.StagingState;
import dev.gainstage.proto.v1.StripKind;
import java.util.List;

/** One strip of the overview, its stages in chain order. */
public record StripRow(String stripId, String name, StripKind kind, List<StageCell> cells, int sessionOrder) {
    public StripRow {
        cells = List.copyOf(cells);
    }

    /** The worst staging state of any stage: what the row is sorted and filtered by. */
    public StagingState worst() {
        StagingState worst = StagingState.STAGING_STATE_NO_SIGNAL;
        for (StageCell c : cells) {
            if (StagingColors.rank(c.state()) > StagingColors.rank(worst)) {
                worst = c.state();
            }
        }
        return worst;
    }

    public boolean hasProblem() {
        return cells.stream().anyMatch(StageCell::problem);
    }
}
