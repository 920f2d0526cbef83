package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.ardour.bridge.PluginControl;

/**
 * How a stage's gain is changed through Ardour's OSC surface, and the range Ardour accepts for it. Strips are
 * found by name (OSC ssids move).
 */
public sealed interface FixTarget {
    String routeName();

    /** The gain now, in the target's dB. */
    double currentDb();

    /** The lowest value Ardour takes; a fix is clamped into {@link #minDb}..{@link #maxDb}. */
    double minDb();

    double maxDb();

    /** What the user sees in a fix result: "Trim of Bass". */
    String describe();

    /** {@code /strip/trimdB ssid dB}; Ardour's trim spans -20..+20 dB. */
    record Trim(String routeName, double currentDb) implements FixTarget {
        public static final double MIN_DB = -20;
        public static final double MAX_DB = 20;

        @Override
        public double minDb() {
            return MIN_DB;
        }

        @Override
        public double maxDb() {
            return MAX_DB;
        }

        @Override
        public String describe() {
            return "Trim of " + routeName;
        }
    }

    /** {@code /strip/gain ssid dB}; Ardour's fader goes up to +6 dB (and down to -120, its silence). */
    record Fader(String routeName, double currentDb) implements FixTarget {
        public static final double MIN_DB = -120;
        public static final double MAX_DB = 6;

        @Override
        public double minDb() {
            return MIN_DB;
        }

        @Override
        public double maxDb() {
            return MAX_DB;
        }

        @Override
        public String describe() {
            return "Fader of " + routeName;
        }
    }

    /**
     * {@code /strip/plugin/parameter ssid pluginNumber control.oscIndex value}, value in the control's dB, within
     * the range the plugin declares for it.
     */
    record PluginOutput(String routeName, int pluginNumber, PluginControl control) implements FixTarget {
        @Override
        public double currentDb() {
            return control.value();
        }

        @Override
        public double minDb() {
            return control.lower();
        }

        @Override
        public double maxDb() {
            return control.upper();
        }

        @Override
        public String describe() {
            return control.label() + " of plugin " + pluginNumber + " on " + routeName;
        }
    }
}
