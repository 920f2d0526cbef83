package dev.gainstage.adapter.ardour.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the bridge's route descriptions: lines of tab-separated fields (see gainstage-bridge.lua).
 * <pre>
 * R id name kind active n_inputs feeds meter_max_peak_db output_ports
 * P id kind name uri active gain_coefficient tap_ports send_target
 * C processor_id osc_param_index label value lower upper
 * </pre>
 */
public final class RouteDescriptions {
    /** Ardour's meter reports -inf as a very low number; below this it shows no level. */
    private static final double METER_FLOOR_DB = -200;

    private RouteDescriptions() {}

    public static BridgeRoute parse(String text) throws BridgeFormatException {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("R\t")) {
            throw new BridgeFormatException("a route description starts with an R line");
        }
        String[] r = fields(lines[0], 8, "R");
        Map<String, List<PluginControl>> controls = new LinkedHashMap<>();
        List<String[]> processorLines = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("P\t")) {
                // the 9th field, the plugin's category, came with the plugin classes; a bridge before it sends 8
                processorLines.add(fields(line, 8, 9, "P"));
            } else if (line.startsWith("C\t")) {
                String[] c = fields(line, 6, "C");
                controls.computeIfAbsent(c[1], k -> new ArrayList<>())
                        .add(new PluginControl(
                                integer(c[2], "C.osc_param_index"),
                                c[3],
                                number(c[4], "C.value"),
                                number(c[5], "C.lower"),
                                number(c[6], "C.upper")));
            } else if (!line.isBlank()) {
                throw new BridgeFormatException("unknown line kind in '" + line + "'");
            }
        }
        List<BridgeProcessor> processors = new ArrayList<>();
        for (String[] p : processorLines) {
            OptionalDouble gain = p[6].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(number(p[6], "P.gain"));
            processors.add(new BridgeProcessor(
                    p[1],
                    ProcessorKind.parse(p[2]),
                    p[3],
                    p[4],
                    flag(p[5], "P.active"),
                    gain,
                    list(p[7]),
                    p[8],
                    controls.getOrDefault(p[1], List.of()),
                    p.length > 9 ? p[9] : ""));
        }
        double meter = number(r[7], "R.meter");
        return new BridgeRoute(
                r[1],
                r[2],
                RouteKind.parse(r[3]),
                flag(r[4], "R.active"),
                integer(r[5], "R.inputs"),
                list(r[6]),
                meter > METER_FLOOR_DB ? OptionalDouble.of(meter) : OptionalDouble.empty(),
                list(r[8]),
                processors);
    }

    /** The fields after the line kind; trailing empty fields are kept (Lua joins empty strings too). */
    private static String[] fields(String line, int count, String kind) throws BridgeFormatException {
        return fields(line, count, count, kind);
    }

    private static String[] fields(String line, int min, int max, String kind) throws BridgeFormatException {
        String[] f = line.split("\t", -1);
        if (f.length < min + 1 || f.length > max + 1) {
            throw new BridgeFormatException(kind + " line has " + (f.length - 1) + " fields, not "
                    + (min == max ? Integer.toString(min) : min + " or " + max) + ": '" + line + "'");
        }
        return f;
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static boolean flag(String s, String field) throws BridgeFormatException {
        return switch (s) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new BridgeFormatException(field + " is not a flag: '" + s + "'");
        };
    }

    private static int integer(String s, String field) throws BridgeFormatException {
        try {
            return (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BridgeFormatException(field + " is not a number: '" + s + "'");
        }
    }

    private static double number(String s, String field) throws BridgeFormatException {
        try {
            return switch (s) {
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "inf" -> Double.POSITIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
        } catch (NumberFormatException e) {
            throw new BridgeFormatException(field + " is not a number: '" + s + "'");
        }
    }
}
