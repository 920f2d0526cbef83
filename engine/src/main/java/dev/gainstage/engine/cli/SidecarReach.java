package dev.gainstage.engine.cli;

import dev.gainstage.client.SidecarAddress;
import dev.gainstage.proto.v1.DescribeRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a sidecar answers at an address, asked once and quickly before a command waits on it: a command whose
 * sidecar is not running says so at once, in one line, instead of waiting out its timeout and blaming the adapter.
 */
final class SidecarReach {
    static final long DEADLINE_SECONDS = 3;

    private SidecarReach() {}

    /** Empty when the sidecar answers; otherwise the one line that says why not and what to do. */
    static Optional<String> problem(ManagedChannel channel, SidecarAddress address) {
        try {
            PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .describe(DescribeRequest.getDefaultInstance());
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            Status s = e.getStatus();
            boolean unknownHost = s.getCause() instanceof java.net.UnknownHostException
                    || String.valueOf(s.getDescription()).startsWith("Unable to resolve host");
            String todo = unknownHost
                    ? "check the host name given with --sidecar"
                    : "start one with '" + address.startCommand() + "'";
            return Optional.of(
                    switch (s.getCode()) {
                        case UNAVAILABLE, DEADLINE_EXCEEDED ->
                            "no sidecar at " + address + " (" + reason(s) + "); " + todo;
                        case UNAUTHENTICATED -> "the sidecar at " + address + " refused this client: " + reason(s);
                        default -> "the sidecar at " + address + " did not answer: " + s.getCode() + " " + reason(s);
                    });
        }
    }

    private static String reason(Status s) {
        String d = s.getDescription();
        if ("io exception".equals(d) && s.getCause() != null && s.getCause().getMessage() != null) {
            d = s.getCause().getMessage(); // "Connection refused: /127.0.0.1:50677" says more than gRPC's summary
        }
        if (d == null || d.isBlank()) {
            return s.getCode() == Status.Code.DEADLINE_EXCEEDED
                    ? "no answer in " + DEADLINE_SECONDS + " s"
                    : s.getCode().toString();
        }
        // the resolver's and the transport's own words, on one line
        return d.replace('\n', ' ');
    }
}
