package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.compare.CompareHost;
import dev.gainstage.adapter.compare.CompareRefused;
import dev.gainstage.adapter.compare.MatchStages;
import java.util.ArrayList;
import java.util.List;

/**
 * The sim as a {@link CompareHost}: its plugins' switches and gains change from the next rendered block. Every sim
 * plugin has an output level of its own (a compressor its makeup), which takes the match unless out of range.
 */
final class SimCompareHost implements CompareHost {
    private final SimSessionRenderer renderer;

    SimCompareHost(SimSessionRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public boolean pluginActive(String pluginStageId) throws CompareRefused {
        return renderer.pluginActive(pluginStageId)
                .orElseThrow(() -> new CompareRefused(pluginStageId + " is not a plugin of this session"));
    }

    @Override
    public void setPluginActive(String pluginStageId, boolean active) throws CompareRefused {
        if (!renderer.setPluginActive(pluginStageId, active)) {
            throw new CompareRefused(pluginStageId + " is not a plugin of this session");
        }
    }

    @Override
    public List<String> matchStages(String pluginStageId) throws CompareRefused {
        pluginActive(pluginStageId);
        List<String> stages = new ArrayList<>();
        stages.add(pluginStageId);
        stages.addAll(MatchStages.gainStagesFor(renderer.snapshot(0).getStripsList(), pluginStageId));
        return stages;
    }

    @Override
    public boolean accepts(String stageId, double db) throws CompareRefused {
        gainDb(stageId);
        return db >= SessionValidator.MIN_GAIN_DB && db <= SessionValidator.MAX_GAIN_DB;
    }

    @Override
    public double gainDb(String stageId) throws CompareRefused {
        return renderer.gainDb(stageId).orElseThrow(() -> new CompareRefused(stageId + " has no gain to change"));
    }

    @Override
    public void setGainDb(String stageId, double db) throws CompareRefused {
        FixOutcome outcome = renderer.setGain(stageId, db);
        if (!outcome.applied()) {
            throw new CompareRefused(outcome.message());
        }
    }
}
