package dev.gainstage.engine.cli;

import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.ClearDecisionsRequest;
import dev.gainstage.proto.v1.DecisionHistory;
import dev.gainstage.proto.v1.DecisionKind;
import dev.gainstage.proto.v1.ListDecisionsRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.UndoDecisionRequest;
import dev.gainstage.proto.v1.UndoDecisionResponse;
import dev.gainstage.proto.v1.UndoableDecision;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code decisions [--sidecar HOST:PORT] [--session KEY] [--list | --clear | --undo ID]}: lists a running session's
 * undoable decisions (most recent first), undoes one, or forgets them all. {@code fix --undo} comes here too.
 */
public final class DecisionsCommand {
    static final String USAGE =
            "usage: gainstage decisions [--sidecar HOST:PORT] [--session KEY] [--list | --clear | --undo ID]";

    private DecisionsCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cl;
        SidecarAddress address;
        try {
            cl = CommandLine.parse(args, Set.of("sidecar", "session", "undo"), Set.of("list", "clear"));
            address = address(cl);
            int actions = (cl.has("list") ? 1 : 0) + (cl.has("clear") ? 1 : 0) + (cl.has("undo") ? 1 : 0);
            if (actions > 1) {
                throw new CommandLine.UsageException("give one of --list, --clear and --undo");
            }
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
        } catch (CommandLine.UsageException e) {
            err.println("gainstage decisions: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String key = cl.value("session", "");
        if (cl.has("undo")) {
            return undo(
                    address,
                    key,
                    cl.value("undo").orElseThrow(),
                    DecisionKind.DECISION_KIND_UNSPECIFIED,
                    "decisions",
                    out,
                    err);
        }
        return withSidecar(address, "decisions", err, channel -> {
            PanelServiceGrpc.PanelServiceBlockingStub panel = stub(channel);
            DecisionHistory h = cl.has("clear")
                    ? panel.clearDecisions(ClearDecisionsRequest.newBuilder()
                            .setSessionKey(key)
                            .build())
                    : panel.listDecisions(
                            ListDecisionsRequest.newBuilder().setSessionKey(key).build());
            if (cl.has("clear")) {
                out.println("cleared the decisions of session '" + h.getSessionKey() + "'");
            } else if (h.getDecisionsCount() == 0) {
                out.println("no decisions to undo in session '" + h.getSessionKey() + "'");
            } else {
                for (UndoableDecision d : h.getDecisionsList()) {
                    out.println(d.getDecisionId() + "  " + d.getText());
                }
            }
            return 0;
        });
    }

    static SidecarAddress address(CommandLine cl) throws CommandLine.UsageException {
        return cl.value("sidecar").isPresent()
                ? SidecarAddress.parse(cl.value("sidecar").get())
                : SidecarAddress.DEFAULT;
    }

    /** Undoes decision {@code id} ("" = the most recent of {@code kind}) and says what became of it, in one line. */
    static int undo(
            SidecarAddress address,
            String key,
            String id,
            DecisionKind kind,
            String command,
            PrintStream out,
            PrintStream err) {
        return withSidecar(address, command, err, channel -> {
            UndoDecisionResponse r = stub(channel)
                    .undoDecision(UndoDecisionRequest.newBuilder()
                            .setSessionKey(key)
                            .setDecisionId(id)
                            .setKind(kind)
                            .build());
            (r.getUndone() ? out : err).println((r.getUndone() ? "" : "gainstage " + command + ": ") + r.getMessage());
            return r.getUndone() ? 0 : 1;
        });
    }

    private interface Call {
        int run(ManagedChannel channel);
    }

    private static int withSidecar(SidecarAddress address, String command, PrintStream err, Call call) {
        ManagedChannel channel = address.channel();
        try {
            Optional<String> unreachable = SidecarReach.problem(channel, address);
            if (unreachable.isPresent()) {
                err.println("gainstage " + command + ": " + unreachable.get());
                return 1;
            }
            return call.run(channel);
        } catch (StatusRuntimeException e) {
            String why = e.getStatus().getDescription();
            err.println("gainstage " + command + ": "
                    + (why == null ? e.getStatus().getCode().toString() : why));
            return 1;
        } finally {
            channel.shutdownNow();
        }
    }

    private static PanelServiceGrpc.PanelServiceBlockingStub stub(ManagedChannel channel) {
        // An undo waits for the adapter to set each gain back (up to 5 s a stage).
        return PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
