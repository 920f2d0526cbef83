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
 * {@code analyze STEM... [--html FILE] [--json FILE]}: meters every stem that can be read (each at
 * its own rate) and their sample-by-sample sum (see {@link MixAnalysis}: stems at another rate are
 * resampled into it, stems of another width left out of it, each said), prints the figures, the
 * staging findings (the live rules at their docs/rules.md defaults, see {@link StagingFindings}) and
 * what a rule did not judge yet ({@link NotJudged}), and optionally writes a self-contained HTML
 * report and a JSON document. A stem that cannot be read gets one line ("not read: FILE: problem")
 * and an error entry in the JSON, and the others are analysed. Exit 0 when every stem was read
 * (findings are advice, not failures), 1 when some stem was not read (or a report not written), 2
 * for usage errors.
 */
public final class AnalyzeCommand {
    static final String USAGE = "usage: analyze STEM... [--html FILE] [--json FILE]";

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
        MixAnalysis.Result result =
                MixAnalysis.analyze(stems, MeterOptions.defaults(), new ProgressReporter(err, "analyze", terminal));
        if (result.sum() == null) {
            printUnread(result, out);
            err.println("analyze: none of the " + stems.size() + " stems could be read");
            return 1;
        }
        Map<String, List<Finding>> findings = StagingFindings.of(result.stems(), result.sum());
        Map<String, NotJudged> notJudged = NotJudged.of(result.stems(), result.sum(), StagingFindings.RULES);

        Table table = MeterCommand.measurementTable();
        for (TrackAnalysis t : result.stems()) {
            MeterCommand.addRow(table, t.name(), t.format(), t.reading());
        }
        MeterCommand.addRow(table, "sum", result.sum().format(), result.sum().reading());
        table.print(out);
        out.println();
        printUnread(result, out);
        result.sumNotes().values().forEach(n -> out.println(n.text()));
        List<Finding> all = findings.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            out.println("No staging problems found.");
        }
        for (Finding f : all) {
            out.println(f.describe());
        }
        notJudged.forEach((track, n) -> out.println(n.describe(track)));
        try {
            if (html != null) {
                Files.writeString(html, HtmlReport.render(result, findings, notJudged), StandardCharsets.UTF_8);
            }
            if (json != null) {
                Files.writeString(json, toJson(result, findings, notJudged) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("analyze: cannot write report: " + e.getMessage());
            return 1;
        }
        if (!result.unread().isEmpty()) {
            err.println("analyze: " + result.unread().size() + " of " + stems.size() + " stems not read");
            return 1;
        }
        return 0;
    }

    private static void printUnread(MixAnalysis.Result result, PrintStream out) {
        for (MixAnalysis.Unread u : result.unread()) {
            out.println("not read: " + u.describe());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("analyze: " + problem);
        err.println(USAGE);
        return 2;
    }

    /**
     * {"stems": [{...figures, "findings": [...]}, {"file": ..., "error": ...}, ...], "sum": {...}}: the
     * stems in argument order, each with the meter --json fields or, if it was not read, its error.
     */
    static String toJson(
            MixAnalysis.Result result, Map<String, List<Finding>> findings, Map<String, NotJudged> notJudged) {
        StringBuilder stems = new StringBuilder("[");
        List<MixAnalysis.Unread> unread = result.unread();
        int read = 0;
        int failed = 0;
        for (int i = 0; i < result.stems().size() + unread.size(); i++) {
            if (stems.length() > 1) {
                stems.append(", ");
            }
            if (failed < unread.size() && unread.get(failed).index() == i) {
                MixAnalysis.Unread u = unread.get(failed++);
                stems.append(new JsonObject().put("file", u.file()).put("error", u.describe()));
            } else {
                TrackAnalysis t = result.stems().get(read++);
                MixAnalysis.SumNote note = result.sumNotes().get(t.name());
                JsonObject o =
                        track(t, findings, notJudged).putRaw("inSum", String.valueOf(note == null || note.inSum()));
                stems.append(note == null ? o : o.put("sumNote", note.text()));
            }
        }
        stems.append(']');
        return new JsonObject()
                .putRaw("stems", stems.toString())
                .putRaw("sum", track(result.sum(), findings, notJudged).toString())
                .toString();
    }

    private static JsonObject track(
            TrackAnalysis t, Map<String, List<Finding>> findings, Map<String, NotJudged> notJudged) {
        StringBuilder list = new StringBuilder("[");
        for (Finding f : findings.getOrDefault(t.name(), List.of())) {
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(f.toJson());
        }
        list.append(']');
        NotJudged n = notJudged.get(t.name());
        return new FileMeasurement(t.name(), t.format(), t.reading())
                .toJson()
                .putRaw("findings", list.toString())
                .putRaw("notJudged", n == null ? "[]" : "[" + n.toJson() + "]");
    }
}
