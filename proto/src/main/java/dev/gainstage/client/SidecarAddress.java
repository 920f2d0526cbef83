package dev.gainstage.client;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLException;

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
            throw new CommandLine.UsageException(
                    "--sidecar port must be a number, not '" + text.substring(colon + 1) + "'");
        }
    }

    /**
     * A channel to the sidecar. Plaintext, unless {@code GAINSTAGE_TLS_CA} names the PEM certificate
     * to trust; every call carries the token in {@code GAINSTAGE_TOKEN_FILE} when that is set (see
     * the README's Security section).
     */
    /**
     * The command that starts a sidecar listening here, for messages that ask the user to start one: the default
     * {@code scripts/gainstage sidecar}, with {@code --port} (and {@code --bind}) when this address needs them.
     */
    public String startCommand() {
        return "scripts/gainstage sidecar"
                + (host.equals(DEFAULT.host) || host.equals("localhost") ? "" : " --bind " + host)
                + (port == DEFAULT.port ? "" : " --port " + port);
    }

    public ManagedChannel channel() {
        return channel(System.getenv());
    }

    /** As {@link #channel()}, with the settings taken from {@code env} instead of the environment. */
    public ManagedChannel channel(Map<String, String> env) {
        NettyChannelBuilder b = NettyChannelBuilder.forAddress(host, port).maxInboundMessageSize(32 * 1024 * 1024);
        String ca = env.get("GAINSTAGE_TLS_CA");
        if (ca != null && !ca.isBlank()) {
            try {
                b.sslContext(
                        GrpcSslContexts.forClient().trustManager(new File(ca)).build());
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "GAINSTAGE_TLS_CA " + ca + " is not a usable PEM certificate: " + e.getMessage(), e);
            }
        } else {
            b.usePlaintext();
        }
        String tokenFile = env.get("GAINSTAGE_TOKEN_FILE");
        if (tokenFile != null && !tokenFile.isBlank()) {
            String token;
            try {
                token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8)
                        .trim();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "GAINSTAGE_TOKEN_FILE " + tokenFile + " cannot be read: " + e.getMessage(), e);
            }
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            b.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
