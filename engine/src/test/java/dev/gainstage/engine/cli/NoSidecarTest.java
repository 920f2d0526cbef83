package dev.gainstage.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With no sidecar at the address, report and fix say so at once, in one line naming the address and the command that
 * starts a sidecar there, instead of waiting out their timeout and asking for an adapter.
 */
class NoSidecarTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: nothing listens there
        }
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportAndFixSayThereIsNoSidecarAndHowToStartOneAtOnce() throws Exception {
        int port = freePort();
        for (String command : List.of("report", "fix")) {
            err.reset();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            int code = command.equals("report")
                    ? ReportCommand.run(List.of("--sidecar", "127.0.0.1:" + port), o, e)
                    : FixCommand.run(List.of("--sidecar", "127.0.0.1:" + port), o, e);
            assertEquals(1, code, errText());
            assertTrue(errText().startsWith("gainstage " + command + ": no sidecar at 127.0.0.1:" + port), errText());
            assertTrue(errText().contains("start one with 'scripts/gainstage sidecar --port " + port + "'"), errText());
            assertEquals(1, errText().lines().count(), "one line: " + errText());
            assertTrue(!errText().contains("start an adapter"), "the sidecar is missing, not an adapter: " + errText());
        }
    }

    @Test
    void anUnknownHostIsOneLine() {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = ReportCommand.run(
                List.of("--sidecar", "no-such-host.invalid:50551"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                e);
        assertEquals(1, code);
        assertTrue(errText().startsWith("gainstage report: no sidecar at no-such-host.invalid:50551 ("), errText());
        assertTrue(errText().contains("check the host name given with --sidecar"), errText());
        assertEquals(1, errText().lines().count(), "one line: " + errText());
    }
}
