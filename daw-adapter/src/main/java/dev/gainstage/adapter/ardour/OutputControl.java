package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.PluginControl;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of a plugin's controls sets its output level, found by its label: the one definition of the rule.
 * The bridge applies no rule of its own: it reports the controls whose label contains one of {@link #WORDS},
 * which the adapter hands it in the heartbeat file ({@link #bridgeWords}), and the choice is made here.
 */
final class OutputControl {
    /** The words of an output control's label, most telling first: makeup, output, gain, level/volume, trim. */
    static final List<List<String>> WORDS = List.of(
            List.of("makeup", "make-up"),
            List.of("output", "out gain"),
            List.of("gain"),
            List.of("level", "volume"),
            List.of("trim"));

    private OutputControl() {}

    /** The control that sets a plugin's output level: the first by {@link #WORDS}' order, never an input gain. */
    static Optional<PluginControl> choose(List<PluginControl> controls) {
        for (List<String> words : WORDS) {
            for (PluginControl c : controls) {
                String l = c.label().toLowerCase(Locale.ROOT);
                if (l.contains("input")) {
                    continue; // an input gain moves the plugin's operating point, not its output level
                }
                for (String w : words) {
                    if (l.contains(w)) {
                        return Optional.of(c);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #WORDS} as the bridge reads them: comma-separated, lower case. */
    static String bridgeWords() {
        return WORDS.stream().flatMap(List::stream).collect(Collectors.joining(","));
    }
}
