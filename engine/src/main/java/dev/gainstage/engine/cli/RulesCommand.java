package dev.gainstage.engine.cli;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.GetRuleConfigRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.RuleConfigView;
import dev.gainstage.proto.v1.RulesConfig;
import dev.gainstage.proto.v1.SetRuleOverridesRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code rules [--sidecar HOST:PORT] [--session KEY] [--set FIELD=VALUE ...] [--clear FIELD ... | --clear-all] [--show]}:
 * shows or changes a session's own rule thresholds (its overrides over the sidecar's --rules file).
 * Without a change it shows the effective thresholds and where each comes from.
 */
public final class RulesCommand {
    static final String USAGE = "usage: gainstage rules [--sidecar HOST:PORT] [--session KEY] [--set FIELD=VALUE ...]"
            + " [--clear FIELD ... | --clear-all] [--show]";

    private RulesCommand() {}

    /** What the command line asks for, checked whole before the sidecar is called. */
    record Request(
            SidecarAddress address,
            String session,
            RulesConfig set,
            List<String> clear,
            boolean clearAll,
            boolean show) {
        boolean changes() {
            return !set.getAllFields().isEmpty() || !clear.isEmpty() || clearAll;
        }

        SetRuleOverridesRequest toProto() {
            return SetRuleOverridesRequest.newBuilder()
                    .setSessionKey(session)
                    .setOverrides(set)
                    .setReplace(clearAll)
                    .addAllClear(clear)
                    .build();
        }
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("gainstage rules: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ManagedChannel channel = request.address().channel();
        try {
            PanelServiceGrpc.PanelServiceBlockingStub panel =
                    PanelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
            RuleConfigView view = request.changes()
                    ? panel.setRuleOverrides(request.toProto())
                    : panel.getRuleConfig(GetRuleConfigRequest.newBuilder()
                            .setSessionKey(request.session())
                            .build());
            if (request.changes()) {
                out.println("session '" + view.getSessionKey() + "' overrides: " + describe(view.getOverrides()));
            }
            if (request.show() || !request.changes()) {
                out.print(table(view));
            }
            return 0;
        } catch (StatusRuntimeException e) {
            return refused(e, request.address(), err);
        } finally {
            channel.shutdownNow();
        }
    }

    static Request parse(List<String> args) throws CommandLine.UsageException {
        CommandLine cl =
                CommandLine.parse(args, Set.of("sidecar", "session", "set", "clear"), Set.of("clear-all", "show"));
        if (!cl.positional().isEmpty()) {
            throw new CommandLine.UsageException(
                    "unexpected argument '" + cl.positional().getFirst() + "'");
        }
        SidecarAddress address = cl.value("sidecar").isPresent()
                ? SidecarAddress.parse(cl.value("sidecar").get())
                : SidecarAddress.DEFAULT;
        RulesConfig.Builder set = RulesConfig.newBuilder();
        for (String assignment : cl.values("set")) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.UsageException("--set needs FIELD=VALUE, not '" + assignment + "'");
            }
            FieldDescriptor field = field("--set", assignment.substring(0, eq).trim());
            if (set.hasField(field)) {
                throw new CommandLine.UsageException("--set " + field.getName() + " is given twice");
            }
            set.setField(field, number(assignment.substring(eq + 1).trim(), assignment));
        }
        List<String> clear = new ArrayList<>();
        for (String name : cl.values("clear")) {
            clear.add(field("--clear", name.trim()).getName());
        }
        if (!clear.isEmpty() && cl.has("clear-all")) {
            throw new CommandLine.UsageException("--clear and --clear-all cannot go together");
        }
        return new Request(address, cl.value("session", ""), set.build(), clear, cl.has("clear-all"), cl.has("show"));
    }

    private static FieldDescriptor field(String flag, String name) throws CommandLine.UsageException {
        FieldDescriptor field = RulesConfig.getDescriptor().findFieldByName(name);
        if (field == null) {
            throw new CommandLine.UsageException(flag + ": no threshold '" + name + "'; known: "
                    + RulesConfig.getDescriptor().getFields().stream()
                            .map(FieldDescriptor::getName)
                            .collect(Collectors.joining(", ")));
        }
        return field;
    }

    private static double number(String text, String assignment) throws CommandLine.UsageException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--set " + assignment + ": '" + text + "' is not a number");
        }
    }

    /** Every threshold, its effective value and the layer it comes from. */
    static String table(RuleConfigView view) {
        StringBuilder sb = new StringBuilder("rules of session '" + view.getSessionKey()
                + "' (a session override wins over the --rules file, which wins over the default)\n");
        for (FieldDescriptor field : RulesConfig.getDescriptor().getFields()) {
            String from = view.getOverrides().hasField(field)
                    ? "session"
                    : view.getFile().hasField(field) ? "file" : "default";
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-27s %8s  %s%n",
                    field.getName(),
                    plain((Double) view.getEffective().getField(field)),
                    from));
        }
        return sb.toString();
    }

    private static String describe(RulesConfig overrides) {
        if (overrides.getAllFields().isEmpty()) {
            return "none (the --rules file's thresholds and the defaults apply)";
        }
        return overrides.getAllFields().entrySet().stream()
                .map(e -> e.getKey().getName() + "=" + plain((Double) e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    private static int refused(StatusRuntimeException e, SidecarAddress address, PrintStream err) {
        String why = e.getStatus().getDescription();
        switch (e.getStatus().getCode()) {
            case UNAVAILABLE ->
                err.println("gainstage rules: no sidecar at " + address + " (" + why + "); start one with '"
                        + address.startCommand() + "'");
            case INVALID_ARGUMENT -> {
                err.println("gainstage rules: refused, nothing changed: " + why);
                return 2;
            }
            case NOT_FOUND ->
                err.println("gainstage rules: " + why
                        + "; overrides belong to a DAW session, so its adapter must be attached");
            default -> err.println("gainstage rules: " + e.getStatus());
        }
        return 1;
    }
}
