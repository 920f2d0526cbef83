package dev.gainstage.adapter.compare;

import java.util.List;

/**
 * What a DAW offers a level-matched A/B: a plugin's bypass and the gains that can match it. Each call either does
 * what it says or throws {@link CompareRefused} with a one-line reason, having changed nothing.
 */
public interface CompareHost {
    /** Whether the plugin stage is active now. */
    boolean pluginActive(String pluginStageId) throws CompareRefused;

    /** Activates or deactivates (bypasses) the plugin, returning once the DAW shows it. */
    void setPluginActive(String pluginStageId, boolean active) throws CompareRefused;

    /**
     * Where the matching gain may go, the best first: the plugin's own id when it has an output control, then the
     * gain stages of its strip ({@link MatchStages}). The {@link Comparer} takes the first whose range holds the match.
     */
    List<String> matchStages(String pluginStageId) throws CompareRefused;

    /** Whether the stage's gain can be set to {@code db} (within its control's range). */
    boolean accepts(String stageId, double db) throws CompareRefused;

    /** The stage's gain now: a trim or fader, or the plugin's output control, in dB. */
    double gainDb(String stageId) throws CompareRefused;

    /** Sets the stage's gain, returning once the DAW shows it; refused when outside the control's range. */
    void setGainDb(String stageId, double db) throws CompareRefused;
}
