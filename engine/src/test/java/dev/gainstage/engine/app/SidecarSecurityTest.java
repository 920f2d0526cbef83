package dev.gainstage.engine.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.gainstage.client.SidecarAddress;
import dev.gainstage.engine.rules.RuleConfig;
import dev.gainstage.proto.v1.AcknowledgeRequest;
import dev.gainstage.proto.v1.PanelServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loopback by default; off loopback only with TLS and a token; with a token set, every call is checked. */
class SidecarSecurityTest {
    @TempDir
    static Path dir;

    static Path cert;
    static Path key;
    static Path tokenFile;

    /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool and written as PEM files. */
    @BeforeAll
    static void certificate() throws Exception {
        Path store = dir.resolve("sidecar.p12");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "sidecar",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit"))
                .redirectErrorStream(true)
                .start();
        assertTrue(
                p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                new String(p.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("sidecar").getEncoded()));
        Files.writeString(
                key,
                pem(
                        "PRIVATE KEY",
                        ks.getKey("sidecar", "changeit".toCharArray()).getEncoded()));
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "s3cret-token-0123456789\n");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static SidecarServer server(String bind, SidecarSecurity security) {
        return Guice.createInjector(new SidecarModule(
                        new SidecarConfig(bind, 0, Optional.empty(), dir.resolve("store"), security, 0),
                        RuleConfig.defaults()))
                .getInstance(SidecarServer.class);
    }

    @Test
    void aNonLoopbackBindWithoutTlsAndATokenIsRefused() throws IOException {
        IOException plain = assertThrows(
                IOException.class, () -> server("0.0.0.0", SidecarSecurity.NONE).start());
        assertTrue(plain.getMessage().contains("--tls-cert, --tls-key and --token-file"), plain.getMessage());
        SidecarSecurity tokenOnly = SidecarSecurity.of(Optional.empty(), Optional.empty(), Optional.of(tokenFile));
        assertThrows(IOException.class, () -> server("0.0.0.0", tokenOnly).start());
        IOException half = assertThrows(
                IOException.class,
                () -> SidecarSecurity.of(Optional.of(cert), Optional.empty(), Optional.of(tokenFile)));
        assertTrue(half.getMessage().contains("go together"));
        Path shortToken = dir.resolve("short");
        Files.writeString(shortToken, "abc");
        IOException weak = assertThrows(
                IOException.class,
                () -> SidecarSecurity.of(Optional.empty(), Optional.empty(), Optional.of(shortToken)));
        assertTrue(weak.getMessage().contains("at least 16"), weak.getMessage());
    }

    @Test
    void withTlsAndATokenEveryCallIsChecked() throws Exception {
        SidecarServer server =
                server("0.0.0.0", SidecarSecurity.of(Optional.of(cert), Optional.of(key), Optional.of(tokenFile)));
        server.start();
        SidecarAddress address = new SidecarAddress("127.0.0.1", server.port());
        try {
            // The right token over TLS gets through: the sidecar answers the call itself (no session yet).
            assertEquals(
                    Status.Code.NOT_FOUND,
                    call(
                            address,
                            Map.of("GAINSTAGE_TLS_CA", cert.toString(), "GAINSTAGE_TOKEN_FILE", tokenFile.toString())));
            Path wrong = dir.resolve("wrong");
            Files.writeString(wrong, "not-the-token-0123456789");
            assertEquals(
                    Status.Code.UNAUTHENTICATED,
                    call(
                            address,
                            Map.of("GAINSTAGE_TLS_CA", cert.toString(), "GAINSTAGE_TOKEN_FILE", wrong.toString())));
            assertEquals(Status.Code.UNAUTHENTICATED, call(address, Map.of("GAINSTAGE_TLS_CA", cert.toString())));
            assertEquals(
                    Status.Code.UNAVAILABLE,
                    call(address, Map.of("GAINSTAGE_TOKEN_FILE", tokenFile.toString())),
                    "plaintext does not reach a TLS sidecar");
        } finally {
            server.stop();
        }
    }

    private static Status.Code call(SidecarAddress address, Map<String, String> env) throws InterruptedException {
        ManagedChannel channel = address.channel(env);
        try {
            PanelServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .acknowledge(AcknowledgeRequest.newBuilder()
                            .setSessionKey("none")
                            .setItemId("x")
                            .build());
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
