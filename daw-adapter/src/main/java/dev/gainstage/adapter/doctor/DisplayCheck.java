package dev.gainstage.adapter.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The X display the panel opens: $DISPLAY set, and its server accepting connections. */
final class DisplayCheck implements DoctorCheck {
    private static final Pattern DISPLAY = Pattern.compile("([^:]*):(\\d+)(?:\\.\\d+)?");
    private static final String NO_DISPLAY_FIX = "run the panel from a desktop session, or start a virtual display "
            + "(Xvfb :99 & export DISPLAY=:99); the demo also runs without one: scripts/gainstage demo --headless";
    private final Map<String, String> env;
    private final Path socketDir;

    DisplayCheck(Map<String, String> env) {
        this(env, Path.of("/tmp/.X11-unix"));
    }

    DisplayCheck(Map<String, String> env, Path socketDir) {
        this.env = env;
        this.socketDir = socketDir;
    }

    @Override
    public List<Finding> run() {
        String display = env.getOrDefault("DISPLAY", "");
        if (display.isBlank()) {
            return List.of(Finding.todo("display", "DISPLAY is not set: the panel needs a display", NO_DISPLAY_FIX));
        }
        Matcher m = DISPLAY.matcher(display);
        if (!m.matches()) {
            return List.of(Finding.todo(
                    "display",
                    "DISPLAY='" + display + "' is not of the form [HOST]:N",
                    "set DISPLAY to the display to use, e.g. :0"));
        }
        String host = m.group(1);
        int number = Integer.parseInt(m.group(2));
        String problem = host.isEmpty() || host.equals("unix") ? connectLocal(number) : connectTcp(host, 6000 + number);
        if (problem != null) {
            return List.of(Finding.todo(
                    "display", "the X display " + display + " does not answer (" + problem + ")", NO_DISPLAY_FIX));
        }
        return List.of(Finding.ok("display", "X display " + display + " answers"));
    }

    private String connectLocal(int number) {
        Path socket = socketDir.resolve("X" + number);
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return null;
        } catch (IOException e) {
            return socket + ": " + e.getMessage();
        }
    }

    private static String connectTcp(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return null;
        } catch (IOException e) {
            return host + ":" + port + ": " + e.getMessage();
        }
    }
}
