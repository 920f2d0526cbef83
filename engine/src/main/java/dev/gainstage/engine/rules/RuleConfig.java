package dev.gainstage.engine.rules;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds of the staging rules. Defaults come from the seed article (sources peak around −12 to
 * −6 dBFS, plugin input and output balanced, master never above 0 dBFS); docs/rules.md lists them.
 */
public record RuleConfig(
        double sourceHotPeakDbfs,
        double sourceTargetPeakDbfs,
        double sourceClipPeakDbfs,
        double sourceQuietPeakDbfs,
        double quietMinSignalSeconds,
        double noiseFloorMarginDb,
        double pluginMismatchDb,
        double pluginInputPeakDbfs,
        double pluginInputRmsDbfs,
        double pluginOutputPeakDbfs,
        double busPeakDbfs,
        double masterPeakDbfs,
        double masterHeadroomPeakDbfs,
        double faderMaxDb,
        double faderMinDb,
        double raiseAfterSeconds,
        double clearAfterSeconds,
        double clearMarginDb,
        double quietMinEvents,
        double pluginDigitalInputPeakDbfs) {

    /** Refuses thresholds that cannot make sense; the message names the field and the problem. */
    public RuleConfig {
        check("source_hot_peak_dbfs", sourceHotPeakDbfs, -60, 0);
        check("source_target_peak_dbfs", sourceTargetPeakDbfs, -60, 0);
        check("source_clip_peak_dbfs", sourceClipPeakDbfs, -6, 0);
        check("source_quiet_peak_dbfs", sourceQuietPeakDbfs, -90, 0);
        check("quiet_min_signal_seconds", quietMinSignalSeconds, 0, 3600);
        check("noise_floor_margin_db", noiseFloorMarginDb, 0, 144);
        check("plugin_mismatch_db", pluginMismatchDb, 0.1, 24);
        check("plugin_input_peak_dbfs", pluginInputPeakDbfs, -60, 24);
        check("plugin_input_rms_dbfs", pluginInputRmsDbfs, -60, 24);
        check("plugin_output_peak_dbfs", pluginOutputPeakDbfs, -60, 24);
        check("bus_peak_dbfs", busPeakDbfs, -60, 24);
        check("master_peak_dbfs", masterPeakDbfs, -60, 24);
        check("master_headroom_peak_dbfs", masterHeadroomPeakDbfs, -60, 24);
        check("fader_max_db", faderMaxDb, 0, 24);
        check("fader_min_db", faderMinDb, -144, 0);
        check("raise_after_seconds", raiseAfterSeconds, 0, 60);
        check("clear_after_seconds", clearAfterSeconds, 0, 600);
        check("clear_margin_db", clearMarginDb, 0, 24);
        check("quiet_min_events", quietMinEvents, 1, 100_000);
        check("plugin_digital_input_peak_dbfs", pluginDigitalInputPeakDbfs, -60, 24);
        if (sourceQuietPeakDbfs >= sourceHotPeakDbfs) {
            throw new IllegalArgumentException("source_quiet_peak_dbfs (" + sourceQuietPeakDbfs
                    + ") must be below source_hot_peak_dbfs (" + sourceHotPeakDbfs + ")");
        }
        if (sourceTargetPeakDbfs > sourceHotPeakDbfs || sourceTargetPeakDbfs < sourceQuietPeakDbfs) {
            throw new IllegalArgumentException("source_target_peak_dbfs (" + sourceTargetPeakDbfs
                    + ") must lie between source_quiet_peak_dbfs and source_hot_peak_dbfs");
        }
        if (masterHeadroomPeakDbfs > masterPeakDbfs) {
            throw new IllegalArgumentException("master_headroom_peak_dbfs (" + masterHeadroomPeakDbfs
                    + ") must not be above master_peak_dbfs (" + masterPeakDbfs + ")");
        }
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " = " + value + " is outside " + min + ".." + max);
        }
    }

    /** The thresholds' names as config.proto spells them (source_hot_peak_dbfs), in declaration order. */
    public static List<String> names() {
        return Fields.NAMES;
    }

    /** Every threshold by its config.proto name, in declaration order. */
    public Map<String, Double> byName() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < Fields.COMPONENTS.length; i++) {
            RecordComponent c = Fields.COMPONENTS[i];
            values.put(Fields.NAMES.get(i), (Double)
                    Fields.invoke(() -> c.getAccessor().invoke(this)));
        }
        return values;
    }

    /**
     * This config with some thresholds replaced, by config.proto name. The result is checked as a
     * whole, so a change that only makes sense together with another must come with it.
     *
     * @throws IllegalArgumentException naming an unknown threshold, or a value that cannot make sense
     */
    public RuleConfig with(Map<String, Double> changes) {
        Map<String, Double> values = byName();
        changes.forEach((name, value) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(
                        "unknown threshold '" + name + "'; known: " + String.join(", ", names()));
            }
            values.put(name, value);
        });
        return (RuleConfig)
                Fields.invoke(() -> Fields.CANONICAL.newInstance(values.values().toArray()));
    }

    public static RuleConfig defaults() {
        return new RuleConfig(
                -6.0, -9.0, -0.1, -18.0, 3.0, 40.0, 1.0, -6.0, -12.0, 0.0, 0.0, 0.0, -3.0, 6.0, -20.0, 0.3, 3.0, 1.0, 4,
                0.0);
    }

    /**
     * The record's components, read by reflection so that the list of thresholds is written once (the
     * record header) and the mapping to config.proto's names cannot drift from it; a test checks
     * that the names match the proto's fields.
     */
    private static final class Fields {
        static final RecordComponent[] COMPONENTS = RuleConfig.class.getRecordComponents();
        static final List<String> NAMES = Arrays.stream(COMPONENTS)
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .toList();
        static final Constructor<RuleConfig> CANONICAL;

        static {
            try {
                CANONICAL = RuleConfig.class.getDeclaredConstructor(
                        Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e); // every record has its canonical constructor
            }
        }

        interface Reflective {
            Object call() throws ReflectiveOperationException;
        }

        /** Runs a reflective call; the constructor's own refusal comes out as it was thrown. */
        static Object invoke(Reflective call) {
            try {
                return call.call();
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("RuleConfig's own members are accessible to it", e);
            }
        }
    }
}
