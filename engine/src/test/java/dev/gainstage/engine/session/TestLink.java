package dev.gainstage.engine.session;

import dev.gainstage.engine.graph.TapKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** An adapter at the engine's boundary that keeps the tap plan it is given and applies no fix (unless a subclass does). */
class TestLink implements AdapterLink {
    final Map<Integer, TapKey> plan = new TreeMap<>();

    @Override
    public String adapterName() {
        return "test";
    }

    @Override
    public boolean canApplyFixes() {
        return false;
    }

    @Override
    public void requestTaps(Map<Integer, TapKey> taps) {
        plan.clear();
        plan.putAll(taps);
    }

    @Override
    public CompletableFuture<FixOutcome> requestFix(String stageId, double changeDb) {
        return CompletableFuture.completedFuture(FixOutcome.refused("the test adapter applies no fix"));
    }

    @Override
    public CompletableFuture<FixOutcome> requestSetGain(String stageId, double gainDb) {
        return CompletableFuture.completedFuture(FixOutcome.refused("the test adapter sets no gain"));
    }
}
