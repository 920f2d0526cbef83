package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.GainParam;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a relative gain change on a stage lands.
 *
 * @param stageId the stage that owns the gain (the trim, for a source stage)
 * @param label what the gain is called to the user: "trim", "fader", "output", "makeup", "send level"
 * @param pluginActive for a plugin, whether it is active now (a deactivated plugin's level change is inaudible until
 *                     it is activated); null for other stages
 */
record GainTarget(String stageId, String label, GainParam param, AtomicBoolean pluginActive) {
    boolean bypassed() {
        return pluginActive != null && !pluginActive.get();
    }
}
