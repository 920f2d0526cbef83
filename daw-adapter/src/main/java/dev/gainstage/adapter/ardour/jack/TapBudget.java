package dev.gainstage.adapter.ardour.jack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Fits the wanted tap sources into the JACK ports a client may have. PipeWire's JACK caps a client at 768
 * ports by default ({@code jack.max-client-ports}); past that, registering fails and no tap works. So when
 * the sources' channels exceed the budget, the most useful are kept (by rank: lower first; the adapter ranks
 * plugin outputs, buses and the master first) and the rest left out, and the caller says which.
 */
public final class TapBudget {
    /** PipeWire's default {@code jack.max-client-ports}. */
    public static final int PIPEWIRE_DEFAULT_PORTS = 768;

    /** What fits, in the wanted order, and how many sources and channels were left out. */
    public record Fit(Map<List<String>, Fanout> kept, int sourcesLeftOut, int channelsLeftOut, int budget) {
        public boolean complete() {
            return sourcesLeftOut == 0;
        }
    }

    private TapBudget() {}

    /**
     * @param wanted  sources (their Ardour ports, one per channel) to the tap points they serve
     * @param rank    per source: lower is kept first; ties keep the wanted order
     * @param budget  ports the client may have; {@code <= 0} means no limit
     */
    public static Fit fit(Map<List<String>, Fanout> wanted, ToIntFunction<List<String>> rank, int budget) {
        int channels = wanted.keySet().stream().mapToInt(List::size).sum();
        if (budget <= 0 || channels <= budget) {
            return new Fit(wanted, 0, 0, budget);
        }
        List<List<String>> order = new ArrayList<>(wanted.keySet());
        order.sort(Comparator.comparingInt(rank)); // stable: the wanted order among equals
        Set<List<String>> chosen = new HashSet<>();
        int used = 0;
        for (List<String> source : order) {
            if (used + source.size() <= budget) {
                chosen.add(source);
                used += source.size();
            }
        }
        Map<List<String>, Fanout> kept = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Fanout> e : wanted.entrySet()) {
            if (chosen.contains(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return new Fit(kept, wanted.size() - kept.size(), channels - used, budget);
    }
}
