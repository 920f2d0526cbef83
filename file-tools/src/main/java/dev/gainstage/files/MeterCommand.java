package dev.gainstage.files;

import dev.gainstage.engine.metering.MeterOptions;
import dev.gainstage.engine.metering.MeterReading;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code meter [--json] FILE...}: measures each file (several in parallel on a bounded pool,
 * printed in argument order) and prints an aligned table, or one JSON object per line with
 * {@code --json}. A file that cannot be measured is reported (a JSON line with "error", or a line on
 * stderr) while the others are still measured; the exit code is then 1. Usage errors exit 2.
 */
public final class MeterCommand {
    static final String USAGE = "usage: meter [--json] FILE...";

    private MeterCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-") && a.length() > 1) {
                err.println("meter: unknown option " + a);
                err.println(USAGE);
                return 2;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            err.println("meter: no files given");
            err.println(USAGE);
            return 2;
        }
        List<Outcome> outcomes = measureAll(files, MeterOptions.defaults(), json ? out : null, err);
        if (!json) {
            printTable(outcomes, out);
        }
        return outcomes.stream().allMatch(o -> o.measurement != null) ? 0 : 1;
    }

    /** A file's measurement, or the message saying why there is none. */
    record Outcome(Path file, FileMeasurement measurement, String error) {}

    /**
     * Measures every file on a pool no larger than the machine's cores. With {@code jsonOut} each
     * line is printed as soon as it and all before it are done; failures go to {@code err} otherwise.
     */
    static List<Outcome> measureAll(List<Path> files, MeterOptions options, PrintStream jsonOut, PrintStream err) {
        if (files.size() == 1) {
            // On this thread: a pool for one file only adds its start-up to a run of a tenth of a second.
            Path f = files.getFirst();
            Outcome o;
            try {
                o = new Outcome(f, FileMeter.measure(f, options), null);
            } catch (IOException | RuntimeException e) {
                o = failed(f, e);
            }
            report(o, jsonOut, err);
            return List.of(o);
        }
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "meter");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileMeasurement>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> FileMeter.measure(f, options)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Outcome o = outcome(files.get(i), futures.get(i));
                outcomes.add(o);
                report(o, jsonOut, err);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Its JSON line, or with a table to come only a failure on {@code err}. */
    private static void report(Outcome o, PrintStream jsonOut, PrintStream err) {
        if (jsonOut != null) {
            jsonOut.println(
                    o.measurement != null
                            ? o.measurement.toJson()
                            : new JsonObject().put("file", o.file.toString()).put("error", o.error));
        } else if (o.error != null) {
            err.println("meter: " + o.error);
        }
    }

    private static Outcome outcome(Path file, Future<FileMeasurement> future) {
        try {
            return new Outcome(file, future.get(), null);
        } catch (ExecutionException e) {
            return failed(file, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(file, null, file + ": interrupted");
        }
    }

    /** The file's outcome when measuring it threw {@code cause}: its message if it names the file. */
    private static Outcome failed(Path file, Throwable cause) {
        String message = cause instanceof IOException
                        && cause.getMessage() != null
                        && cause.getMessage().startsWith(file.toString())
                ? cause.getMessage()
                : file + ": " + cause;
        return new Outcome(file, null, message);
    }

    private static void printTable(List<Outcome> outcomes, PrintStream out) {
        Table table = measurementTable();
        for (Outcome o : outcomes) {
            if (o.measurement != null) {
                addRow(table, o.file.toString(), o.measurement.format(), o.measurement.reading());
            }
        }
        table.print(out);
    }

    /** The columns both {@code meter} and {@code analyze} print. */
    static Table measurementTable() {
        return new Table(
                "FILE",
                "RATE",
                "CH",
                "SECONDS",
                "PEAK dBFS",
                "TRUE PEAK dBTP",
                "INTEGRATED LUFS",
                "LRA LU",
                "MAX M LUFS",
                "MAX S LUFS",
                "RMS dBFS",
                "CREST dB",
                "DC",
                "CLIPPED");
    }

    static void addRow(Table table, String name, AudioFormat f, MeterReading r) {
        table.row(
                name,
                String.valueOf(f.sampleRate()),
                String.valueOf(f.channels()),
                Table.fixed(r.seconds(), 1),
                Table.fixed(r.maxSamplePeakDbfs(), 1),
                Table.fixed(r.maxTruePeakDbtp(), 1),
                Table.fixed(r.integratedLufs(), 1),
                Table.fixed(r.loudnessRangeLu(), 1),
                Table.fixed(r.maxMomentaryLufs(), 1),
                Table.fixed(r.maxShortTermLufs(), 1),
                Table.fixed(r.overallRmsDbfs(), 1),
                Table.fixed(r.crestFactorDb(), 1),
                Table.fixed(r.dcOffset(), 5),
                String.valueOf(r.clippedSamples()));
    }
}
