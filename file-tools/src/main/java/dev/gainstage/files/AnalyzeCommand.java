package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code analyze STEM.wav... [--html FILE] [--json FILE]}: meters every stem and their sample-by-sample
 * sum, prints the figures and the staging findings (the live rules at their docs/rules.md defaults, see
 * {@link StagingFindings}), and optionally writes a self-contained HTML report and a JSON document. Exit 0 when analysed (findings are advice, not
 * failures), 1 when a stem cannot be read or summed, 2 for usage errors.
 */
public final class AnalyzeCommand {
    static final String USAGE = "usage: analyze STEM.wav... [--html FILE] [--json FILE]";

    private AnalyzeCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.console() != null);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        List<Path> stems = new ArrayList<>();
        Path html = null;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--html") || a.equals("--json")) {
                if (i + 1 >= args.length) {
                    return usage(err, a + " needs a FILE");
                }
                Path target = Path.of(args[++i]);
                if (a.equals("--html")) {
                    html = target;
                } else {
                    json = target;
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-") && a.length() > 1) {
                return usage(err, "unknown option " + a);
            } else {
                stems.add(Path.of(a));
            }
        }
        if (stems.isEmpty()) {
            return usage(err, "no stems given");
        }
        MixAnalysis.Result result;
        try {
            result =
                    MixAnalysis.analyze(stems, MeterOptions.defaults(), new ProgressReporter(err, "analyze", terminal));
        } catch (IOException e) {
            err.println("analyze: " + e.getMessage());
            return 1;
        }
        Map<String, List<Finding>> findings = StagingFindings.of(result.stems(), result.sum());

        Table table = MeterCommand.measurementTable();
        for (TrackAnalysis t : result.stems()) {
            MeterCommand.addRow(table, t.name(), t.format(), t.reading());
        }
        MeterCommand.addRow(table, "sum", result.sum().format(), result.sum().reading());
        table.print(out);
        out.println();
        List<Finding> all = findings.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            out.println("No staging problems found.");
        }
        for (Finding f : all) {
            out.println(f.describe());
        }
        try {
            if (html != null) {
                Files.writeString(html, HtmlReport.render(result, findings), StandardCharsets.UTF_8);
            }
            if (json != null) {
                Files.writeString(json, toJson(result, findings) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("analyze: cannot write report: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("analyze: " + problem);
        err.println(USAGE);
        return 2;
    }

    /** {"stems": [{...figures, "findings": [...]}, ...], "sum": {...}} with the meter --json fields. */
    static String toJson(MixAnalysis.Result result, Map<String, List<Finding>> findings) {
        StringBuilder stems = new StringBuilder("[");
        for (TrackAnalysis t : result.stems()) {
            if (stems.length() > 1) {
                stems.append(", ");
            }
            stems.append(track(t, findings));
        }
        stems.append(']');
        return new JsonObject()
                .putRaw("stems", stems.toString())
                .putRaw("sum", track(result.sum(), findings))
                .toString();
    }

    private static String track(TrackAnalysis t, Map<String, List<Finding>> findings) {
        StringBuilder list = new StringBuilder("[");
        for (Finding f : findings.getOrDefault(t.name(), List.of())) {
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(f.toJson());
        }
        list.append(']');
        return new FileMeasurement(t.name(), t.format(), t.reading())
                .toJson()
                .putRaw("findings", list.toString())
                .toString();
    }
}
