package dev.gainstage.adapter.compare;

import dev.gainstage.proto.v1.CompareCommand;
import dev.gainstage.proto.v1.CompareResult;
import dev.gainstage.proto.v1.CompareSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The adapter's side of a level-matched A/B, one plugin at a time: on START it remembers the plugin's active state
 * and its match stage's gain, then plays the side asked for; SWITCH plays the other; END, or the stream to the
 * sidecar ending ({@link #restore}), puts both back exactly as they were. The sides are matched by the sidecar's
 * measured loudness change m (output minus input): with an output control of its own, side A is the plugin with
 * that control lowered by m and side B plain bypass; without, side A is the plugin as it is and side B the bypass
 * with a gain stage after it raised by m. A step that fails part-way is undone, so nothing is left half-applied.
 * Synchronized: commands and a stream's end may arrive on different threads.
 */
public final class Comparer {
    private static final Logger LOG = Logger.getLogger(Comparer.class.getName());

    private final CompareHost host;
    private Running running; // guarded by this

    /** What START found, to play either side and to put back. */
    private record Running(String stageId, boolean wasActive, String matchStageId, double gainBefore, double matchDb) {
        boolean onPlugin() {
            return matchStageId.equals(stageId);
        }

        double gainOn(CompareSide side) {
            if (onPlugin()) {
                return gainBefore - matchDb; // inaudible while bypassed: left as on side A
            }
            return side == CompareSide.COMPARE_SIDE_B ? gainBefore + matchDb : gainBefore;
        }
    }

    public Comparer(CompareHost host) {
        this.host = host;
    }

    /** Carries out one command; the result says what was done, or why not. */
    public synchronized CompareResult handle(CompareCommand c) {
        CompareResult.Builder r = CompareResult.newBuilder().setCompareId(c.getCompareId());
        try {
            String message = switch (c.getAction()) {
                case COMPARE_ACTION_START -> start(c, r);
                case COMPARE_ACTION_SWITCH -> play(c.getStageId(), c.getSide(), r);
                case COMPARE_ACTION_END -> end(c.getStageId());
                default ->
                    throw new CompareRefused("compare action " + c.getAction() + " is not one of START, SWITCH, END");
            };
            r.setApplied(true).setMessage(message);
        } catch (CompareRefused e) {
            r.setApplied(false).setMessage(e.getMessage());
        }
        if (running != null) {
            r.setMatchStageId(running.matchStageId());
        }
        LOG.info(() -> "compare " + c.getAction() + " " + c.getStageId() + ": " + r.getMessage());
        return r.build();
    }

    /** The stream to the sidecar ended (or the adapter is closing): the plugin is put back as it was. */
    public synchronized void restore() {
        if (running == null) {
            return;
        }
        String stageId = running.stageId();
        try {
            String message = end(stageId);
            LOG.info(() -> "the sidecar went away mid-compare: " + message);
        } catch (CompareRefused e) {
            LOG.warning(() ->
                    "the sidecar went away mid-compare and " + stageId + " could not be put back: " + e.getMessage());
        }
    }

    /** Whether a comparison is running (for tests and the adapter's status). */
    public synchronized boolean comparing() {
        return running != null;
    }

    private String start(CompareCommand c, CompareResult.Builder r) throws CompareRefused {
        if (running != null) {
            throw new CompareRefused("already comparing " + running.stageId() + ": end that comparison first");
        }
        if (!Double.isFinite(c.getMatchDb())) {
            throw new CompareRefused("the match for " + c.getStageId() + " is not a number: " + c.getMatchDb());
        }
        String stageId = c.getStageId();
        boolean active = host.pluginActive(stageId);
        if (!active) {
            throw new CompareRefused(stageId + " is bypassed already: activate it to compare it");
        }
        String match = matchStage(stageId, c.getMatchDb());
        running = new Running(stageId, true, match, host.gainDb(match), c.getMatchDb());
        try {
            return play(stageId, c.getSide(), r);
        } catch (CompareRefused e) {
            try {
                end(stageId);
            } catch (CompareRefused alsoEnd) {
                throw new CompareRefused(e.getMessage() + "; and " + alsoEnd.getMessage());
            }
            throw e;
        }
    }

    /** The first of the host's match stages whose range holds the gain its side needs. */
    private String matchStage(String stageId, double matchDb) throws CompareRefused {
        List<String> tried = new ArrayList<>();
        for (String candidate : host.matchStages(stageId)) {
            double gain = new Running(stageId, true, candidate, host.gainDb(candidate), matchDb)
                    .gainOn(candidate.equals(stageId) ? CompareSide.COMPARE_SIDE_A : CompareSide.COMPARE_SIDE_B);
            if (host.accepts(candidate, gain)) {
                return candidate;
            }
            tried.add(String.format(Locale.ROOT, "%s to %+.1f dB", candidate, gain));
        }
        throw new CompareRefused(String.format(Locale.ROOT, "no gain can match %s by %+.1f dB", stageId, matchDb)
                + (tried.isEmpty()
                        ? ": it has no output control and its strip no trim or fader"
                        : ": " + String.join(", ", tried) + " would be out of range"));
    }

    private String play(String stageId, CompareSide side, CompareResult.Builder r) throws CompareRefused {
        Running now = running(stageId);
        if (side != CompareSide.COMPARE_SIDE_A && side != CompareSide.COMPARE_SIDE_B) {
            throw new CompareRefused("compare side must be A or B, not " + side);
        }
        boolean bypass = side == CompareSide.COMPARE_SIDE_B;
        double gain = now.gainOn(side);
        if (bypass) {
            host.setPluginActive(stageId, false);
            host.setGainDb(now.matchStageId(), gain);
        } else {
            host.setGainDb(now.matchStageId(), gain);
            host.setPluginActive(stageId, true);
        }
        r.setSide(side);
        return String.format(
                Locale.ROOT,
                "%s: %s %s, %s at %+.1f dB (matched by %+.1f dB)",
                bypass ? "B" : "A",
                stageId,
                bypass ? "bypassed" : "processing",
                now.matchStageId(),
                gain,
                now.matchDb());
    }

    /** Puts the gain back, then the plugin; forgets the comparison even if Ardour refuses, naming what was left. */
    private String end(String stageId) throws CompareRefused {
        Running now = running(stageId);
        running = null;
        CompareRefused failed = null;
        try {
            host.setGainDb(now.matchStageId(), now.gainBefore());
        } catch (CompareRefused e) {
            failed = e;
        }
        try {
            host.setPluginActive(stageId, now.wasActive());
        } catch (CompareRefused e) {
            failed = failed == null ? e : new CompareRefused(failed.getMessage() + "; " + e.getMessage());
        }
        if (failed != null) {
            throw new CompareRefused("could not put " + stageId + " back as it was: " + failed.getMessage());
        }
        return String.format(
                Locale.ROOT,
                "%s back as it was: %s, %s at %+.1f dB",
                stageId,
                now.wasActive() ? "active" : "bypassed",
                now.matchStageId(),
                now.gainBefore());
    }

    private Running running(String stageId) throws CompareRefused {
        if (running == null) {
            throw new CompareRefused("nothing is being compared");
        }
        if (!running.stageId().equals(stageId)) {
            throw new CompareRefused("comparing " + running.stageId() + ", not " + stageId);
        }
        return running;
    }
}
