package dev.gainstage.adapter.doctor;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import dev.gainstage.proto.v1.SessionSummary;
import dev.gainstage.proto.v1.SidecarDescription;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The sidecar at an address: its version and the sessions it holds. */
final class SidecarCheck implements DoctorCheck {
    private final SidecarAddress address;
    private final Map<String, String> env;
    private final long timeoutMillis;

    SidecarCheck(SidecarAddress address, Map<String, String> env, long timeoutMillis) {
        this.address = address;
        this.env = env;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<Finding> run() {
        ManagedChannel channel;
        try {
            channel = address.channel(env);
        } catch (RuntimeException e) {
            return List.of(
                    Finding.todo("sidecar", e.getMessage(), "fix the setting named above (see docs/security.md)"));
        }
        try {
            SidecarDescription d = PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                    .describe(DescribeRequest.getDefaultInstance());
            return describe(d);
        } catch (StatusRuntimeException e) {
            return List.of(problem(e.getStatus()));
        } finally {
            channel.shutdownNow();
        }
    }

    private List<Finding> describe(SidecarDescription d) {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ok(
                "sidecar",
                "sidecar " + d.getVersion() + " answers at " + address + " (adapter protocol " + d.getProtocolVersion()
                        + "), " + d.getSessionsCount() + (d.getSessionsCount() == 1 ? " session" : " sessions")));
        for (SessionSummary s : d.getSessionsList()) {
            findings.add(Finding.ok(
                    "session",
                    "'%s' (%s): %s, %.0f s of audio, %d active warnings"
                            .formatted(
                                    s.getSessionName(),
                                    s.getSessionKey(),
                                    s.getAdapterConnected()
                                            ? "adapter '" + s.getAdapterName() + "' attached"
                                            : "no adapter attached",
                                    s.getAudioTimeSeconds(),
                                    s.getActiveWarnings())));
        }
        if (d.getSessionsCount() == 0) {
            findings.add(Finding.note(
                    "session",
                    "no DAW session attached yet: start scripts/gainstage ardour beside Ardour "
                            + "(or scripts/gainstage sim --demo)"));
        }
        return findings;
    }

    private Finding problem(Status status) {
        String where = " at " + address;
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED ->
                Finding.todo(
                        "sidecar",
                        "no sidecar answers" + where + " (" + status.getCode() + ")",
                        "start it: scripts/gainstage sidecar" + portFlag()
                                + " (or scripts/gainstage demo for the embedded demo)");
            case UNIMPLEMENTED ->
                Finding.todo(
                        "sidecar",
                        "the sidecar" + where + " is older than this gainstage " + "(it does not know Describe)",
                        "stop it and start the sidecar of this checkout: scripts/gainstage sidecar");
            case UNAUTHENTICATED, PERMISSION_DENIED ->
                Finding.todo(
                        "sidecar",
                        "the sidecar" + where + " refused the token (" + status.getDescription() + ")",
                        "set GAINSTAGE_TOKEN_FILE to the sidecar's token file (docs/security.md)");
            default ->
                Finding.todo(
                        "sidecar",
                        "the sidecar" + where + " answered " + status.getCode()
                                + (status.getDescription() == null ? "" : ": " + status.getDescription()),
                        "see its log");
        };
    }

    private String portFlag() {
        return address.equals(SidecarAddress.DEFAULT) ? "" : " --bind " + address.host() + " --port " + address.port();
    }
}
