package dev.gainstage.engine.cli;

import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.ApplyFixRequest;
import dev.gainstage.proto.v1.ApplyFixResponse;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionView;
import dev.gainstage.proto.v1.Warning;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code fix [--sidecar HOST:PORT] [--rounds N] [--settle SECONDS]}: applies the suggested fixes of a
 * running session, round by round; {@code fix --undo [ID]} undoes the most recent applied fix (or fix ID) instead,
 * setting its gains back through the adapter (see {@link DecisionsCommand}). Each round applies the primary warnings' fixes (see
 * {@link FixPlanner}), then lets the levels settle so the meters' windows and the warnings'
 * hysteresis catch up before judging what is left.
 */
public final class FixCommand {
    static final String USAGE =
            "usage: gainstage fix [--sidecar HOST:PORT] [--session KEY] [--rounds N] [--settle SECONDS] | [--undo [ID]]";

    private FixCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int undo = args.indexOf("--undo");
        if (undo >= 0) {
            return undo(args, undo, out, err);
        }
        CommandLine cl;
        SidecarAddress address;
        int rounds;
        double settle;
        try {
            cl = CommandLine.parse(args, Set.of("sidecar", "session", "rounds", "settle"), Set.of());
            address = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            rounds = cl.intValue("rounds", 3, 1, 20);
            settle = cl.doubleValue("settle", 8, 0, 600);
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
        } catch (CommandLine.UsageException e) {
            err.println("gainstage fix: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ManagedChannel channel = address.channel();
        try {
            Optional<String> unreachable = SidecarReach.problem(channel, address);
            if (unreachable.isPresent()) {
                err.println("gainstage fix: " + unreachable.get());
                return 1;
            }
            String key = cl.value("session", "");
            for (int round = 1; round <= rounds; round++) {
                SessionView view = ReportCommand.firstView(channel, key, 10);
                if (view == null) {
                    err.println("gainstage fix: no session is attached to the sidecar at " + address);
                    return 1;
                }
                List<Warning> plan = FixPlanner.round(view.getWarningsList());
                if (plan.isEmpty()) {
                    out.printf(
                            Locale.ROOT,
                            "round %d: nothing left to fix (%d warnings)%n",
                            round,
                            view.getWarningsCount());
                    return 0;
                }
                for (Warning w : plan) {
                    ApplyFixResponse r = PanelServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .applyFix(ApplyFixRequest.newBuilder()
                                    .setSessionKey(view.getSessionKey())
                                    .setWarningId(w.getId())
                                    .build());
                    out.printf(
                            Locale.ROOT,
                            "round %d: %s %s: %s%n",
                            round,
                            r.getApplied() ? "applied" : "NOT applied",
                            w.getId(),
                            r.getApplied() ? w.getSuggestion() : r.getMessage());
                }
                Thread.sleep(Math.round(settle * 1000));
            }
            return 0;
        } catch (StatusRuntimeException e) {
            err.println("gainstage fix: " + e.getStatus());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            channel.shutdownNow();
        }
    }

    /** {@code --undo} takes an optional id: the next argument, unless it is another option. */
    private static int undo(List<String> args, int at, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        rest.remove(at);
        String id = "";
        if (at < rest.size() && !rest.get(at).startsWith("--")) {
            id = rest.remove(at);
        }
        try {
            CommandLine cl = CommandLine.parse(rest, Set.of("sidecar", "session"), Set.of());
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
            return DecisionsCommand.undo(
                    DecisionsCommand.address(cl),
                    cl.value("session", ""),
                    id,
                    DecisionKind.DECISION_KIND_FIX,
                    "fix",
                    out,
                    err);
        } catch (CommandLine.UsageException e) {
            err.println("gainstage fix: " + e.getMessage() + " (with --undo only --sidecar and --session)");
            err.println(USAGE);
            return 2;
        }
    }
}
