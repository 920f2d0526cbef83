package dev.gainstage.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gainstage.adapter.sim.corpus.RealCorpus;
import dev.gainstage.engine.metering.MeterOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * analyze agrees with the live sidecar on the recorded corpus (daw-adapter's CorpusStagingTest plays the same
 * stems through a real sidecar): the well-recorded stems raise nothing, the noisy voice raises SOURCE_NOISY alone.
 */
class CorpusAnalyzeTest {
    @Test
    void analyzeOnTheCorpusStemsFindsWhatTheLiveRulesFind() throws Exception {
        Path dir = RealCorpus.stems();
        List<String> names = List.of("kick", "snare", "hats", "bass", "keys", "vox", "keys-tremolo", "vox-noisy");
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(dir.resolve(n + ".wav"));
        }
        MixAnalysis.Result result = MixAnalysis.analyze(files, MeterOptions.defaults(), p -> {});
        assertEquals(List.of(), result.unread());
        Map<String, List<Finding>> findings = StagingFindings.of(result.stems(), result.sum());
        Map<String, List<String>> byStem = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byStem.put(
                    names.get(i),
                    findings.getOrDefault(result.stems().get(i).name(), List.of()).stream()
                            .map(Finding::rule)
                            .toList());
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        names.forEach(n -> expected.put(n, List.of()));
        expected.put("vox-noisy", List.of("SOURCE_NOISY"));
        assertEquals(expected, byStem, "findings per stem: " + findings);
    }
}
