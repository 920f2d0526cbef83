package dev.gainstage.adapter.sim;

import dev.gainstage.adapter.sim.dsp.GainParam;

/**
 * Where a relative gain change on a stage lands.
 *
 * @param stageId the stage that owns the gain (the trim, for a source stage)
 * @param label what the gain is called to the user: "trim", "fader", "output", "makeup", "send level"
 * @param bypassed true for a deactivated plugin, whose level change is inaudible until it is activated
 */
record GainTarget(String stageId, String label, GainParam param, boolean bypassed) {}
