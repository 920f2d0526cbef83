package dev.gainstage.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/** Where a client finds the sidecar: {@code HOST:PORT}, by default 127.0.0.1:50551. */
public record SidecarAddress(String host, int port) {
    public static final SidecarAddress DEFAULT = new SidecarAddress("127.0.0.1", 50551);

    public static SidecarAddress parse(String text) throws CommandLine.UsageException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new CommandLine.UsageException("--sidecar needs HOST:PORT, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new CommandLine.UsageException("--sidecar port " + port + " is outside 1..65535");
            }
            return new SidecarAddress(host, port);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--sidecar port must be a number, not '" + text.substring(colon + 1) + "'");
        }
    }

    /** A plaintext channel: the sidecar serves loopback only (see the README's security notes). */
    public ManagedChannel channel() {
        return NettyChannelBuilder.forAddress(host, port).usePlaintext()
                .maxInboundMessageSize(32 * 1024 * 1024).build();
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
