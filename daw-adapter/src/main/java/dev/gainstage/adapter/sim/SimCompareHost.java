package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.compare.CompareHost;
import dev.gainstage.adapter.compare.CompareRefused;

/**
 * The sim as a {@link CompareHost}: its plugins' switches and gains change from the next rendered block. Every sim
 * plugin has an output level of its own (a compressor its makeup), so the match always lands on the plugin.
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
    public String matchStage(String pluginStageId) throws CompareRefused {
        pluginActive(pluginStageId);
        return pluginStageId;
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
