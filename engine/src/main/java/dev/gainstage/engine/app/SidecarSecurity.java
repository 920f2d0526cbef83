package dev.gainstage.engine.app;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the sidecar protects itself: TLS (a PEM certificate and PKCS#8 key) and a shared token. On
 * loopback both are optional; any other bind address needs both, because the protocol carries the
 * user's audio and lets a client change their mix.
 */
public record SidecarSecurity(Optional<Path> certificate, Optional<Path> privateKey, Optional<String> token) {
    public static final SidecarSecurity NONE =
            new SidecarSecurity(Optional.empty(), Optional.empty(), Optional.empty());

    /** Reads the token file (trimmed; fewer than 16 characters are refused) and checks the TLS pair is complete and readable. */
    public static SidecarSecurity of(Optional<Path> certificate, Optional<Path> privateKey, Optional<Path> tokenFile)
            throws IOException {
        if (certificate.isPresent() != privateKey.isPresent()) {
            throw new IOException("--tls-cert and --tls-key go together");
        }
        for (Path p : certificate.stream().toList()) {
            requireReadable(p, "--tls-cert");
        }
        for (Path p : privateKey.stream().toList()) {
            requireReadable(p, "--tls-key");
        }
        Optional<String> token = Optional.empty();
        if (tokenFile.isPresent()) {
            requireReadable(tokenFile.get(), "--token-file");
            String t = Files.readString(tokenFile.get(), StandardCharsets.UTF_8).trim();
            if (t.length() < 16) {
                throw new IOException("--token-file " + tokenFile.get() + " holds "
                        + (t.isEmpty() ? "no token" : "a token of " + t.length() + " characters")
                        + "; use at least 16");
            }
            token = Optional.of(t);
        }
        return new SidecarSecurity(certificate, privateKey, token);
    }

    private static void requireReadable(Path p, String flag) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IOException(flag + " " + p + " cannot be read");
        }
    }

    public boolean tls() {
        return certificate.isPresent();
    }

    /** Refuses a non-loopback bind without TLS and a token. */
    public void checkBind(InetAddress address) throws IOException {
        if (!address.isLoopbackAddress() && (!tls() || token.isEmpty())) {
            throw new IOException("refusing to bind " + address.getHostAddress() + " without TLS and a token: "
                    + "a sidecar reachable from the network needs --tls-cert, --tls-key and --token-file "
                    + "(or bind 127.0.0.1)");
        }
    }
}
