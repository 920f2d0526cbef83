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

    /** A gain control of the route itself: what Ardour calls it and the range it takes. */
    record Range(String name, double minDb, double maxDb) {}

    /** The route's own Trim or fader: its range is Ardour's, the same for every route. */
    sealed interface RouteGain extends FixTarget {
        Range range();

        @Override
        default double minDb() {
            return range().minDb();
        }

        @Override
        default double maxDb() {
            return range().maxDb();
        }

        @Override
        default String describe() {
            return range().name() + " of " + routeName();
        }
    }

    /** {@code /strip/trimdB ssid dB}. */
    record Trim(String routeName, double currentDb) implements RouteGain {
        /** Ardour's trim spans -20..+20 dB. */
        public static final Range RANGE = new Range("Trim", -20, 20);

        @Override
        public Range range() {
            return RANGE;
        }
    }

    /** {@code /strip/gain ssid dB}. */
    record Fader(String routeName, double currentDb) implements RouteGain {
        /** Ardour's fader goes up to +6 dB, and down to -120 dB, its silence. */
        public static final Range RANGE = new Range("Fader", -120, 6);

        @Override
        public Range range() {
            return RANGE;
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
