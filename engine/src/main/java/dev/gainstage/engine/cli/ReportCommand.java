package dev.gainstage.engine.cli;

import com.google.protobuf.util.JsonFormat;
import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.cli.html.SessionReport;
import dev.gainstage.engine.cli.html.SessionReportPage;
import dev.gainstage.proto.v1.GetHistoryRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionHistoryView;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.WatchRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code report [--sidecar HOST:PORT] [--json FILE] [--html FILE] [--session KEY] [--wait SECONDS]}: takes the
 * current view of a running sidecar once, prints a readable summary and optionally writes the view as JSON and as a
 * self-contained HTML report ({@link SessionReportPage}).
 */
public final class ReportCommand {
    static final String USAGE =
            "usage: gainstage report [--sidecar HOST:PORT] [--json FILE] [--html FILE] [--session KEY] [--wait SECONDS]";

    private ReportCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl;
        SidecarAddress address;
        int waitSeconds;
        try {
            cl = CommandLine.parse(args, Set.of("sidecar", "json", "html", "session", "wait"), Set.of());
            address = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            waitSeconds = cl.intValue("wait", 10, 1, 3600);
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
        } catch (CommandLine.UsageException e) {
            err.println("gainstage report: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ManagedChannel channel = address.channel();
        try {
            Optional<String> unreachable = SidecarReach.problem(channel, address);
            if (unreachable.isPresent()) {
                err.println("gainstage report: " + unreachable.get());
                return 1;
            }
            SessionView view = firstView(channel, cl.value("session", ""), waitSeconds);
            if (view == null) {
                err.println("gainstage report: no session is attached to the sidecar at " + address + " (waited "
                        + waitSeconds + " s); start an adapter, e.g. 'gainstage sim --demo'");
                return 1;
            }
            if (cl.value("json").isPresent()) {
                write(cl.value("json").get(), "JSON view", JsonFormat.printer().print(view) + "\n");
            }
            if (cl.value("html").isPresent()) {
                SessionReport report = new SessionReport(view, warningsHistory(channel, view.getSessionKey()));
                write(cl.value("html").get(), "HTML report", SessionReportPage.render(report));
            }
            out.print(ViewSummary.format(view));
            return 0;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                err.println("gainstage report: no sidecar at " + address + " ("
                        + e.getStatus().getDescription() + "); start one with '" + address.startCommand() + "'");
            } else {
                err.println("gainstage report: " + e.getStatus());
            }
            return 1;
        } catch (ReportNotWritten e) {
            err.println("gainstage report: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("gainstage report: cannot print the JSON view: " + e.getMessage());
            return 1;
        } finally {
            channel.shutdownNow();
        }
    }

    /** A report file that could not be written: which one, and why. */
    private static final class ReportNotWritten extends IOException {
        private static final long serialVersionUID = 1L;

        ReportNotWritten(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static void write(String file, String what, String text) throws ReportNotWritten {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportNotWritten("cannot write the " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The session's warning spans on the DAW's timeline, asked once and without any stage's levels. */
    static SessionHistoryView warningsHistory(ManagedChannel channel, String sessionKey) {
        return PanelServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getHistory(
                        GetHistoryRequest.newBuilder().setSessionKey(sessionKey).build());
    }

    /** The first view that shows a graph, or null if none arrives in time. */
    static SessionView firstView(ManagedChannel channel, String sessionKey, int waitSeconds) {
        Iterator<SessionView> views = PanelServiceGrpc.newBlockingStub(channel)
                .withWaitForReady()
                .withDeadlineAfter(waitSeconds, TimeUnit.SECONDS)
                .watch(WatchRequest.newBuilder().setSessionKey(sessionKey).build());
        try {
            while (views.hasNext()) {
                SessionView v = views.next();
                if (v.getRowsCount() > 0) {
                    return v;
                }
            }
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
                throw e;
            }
        }
        return null;
    }
}
