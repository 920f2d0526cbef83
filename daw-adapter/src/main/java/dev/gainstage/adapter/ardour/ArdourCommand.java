package dev.gainstage.adapter.ardour;

import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ardour [--osc 127.0.0.1:3819] [--sidecar HOST:PORT] [--control-dir DIR] [--no-install]}: connects a
 * running Ardour (GUI with the bridge hook enabled, or {@code gainstage ardour-host}) to the sidecar until
 * interrupted. Installs the bridge script into Ardour's script folder first, so the GUI can find it.
 */
public final class ArdourCommand {
    static final String USAGE = "usage: gainstage ardour [--osc 127.0.0.1:3819] [--sidecar HOST:PORT] "
            + "[--control-dir DIR] [--no-install] [--max-tap-ports N]";

    private ArdourCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        InetSocketAddress osc;
        SidecarAddress sidecar;
        Path controlDir;
        boolean install;
        int maxTapPorts;
        try {
            CommandLine cl = CommandLine.parse(args, Set.of("osc", "sidecar", "control-dir", "max-tap-ports"),
                    Set.of("no-install"));
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException("unexpected argument '" + cl.positional().getFirst() + "'");
            }
            osc = hostPort(cl.value("osc", "127.0.0.1:3819"));
            sidecar = cl.value("sidecar").isPresent() ? SidecarAddress.parse(cl.value("sidecar").get())
                    : SidecarAddress.DEFAULT;
            controlDir = cl.value("control-dir").map(Path::of).orElse(BridgeScripts.defaultControlDir());
            install = !cl.has("no-install");
            maxTapPorts = cl.intValue("max-tap-ports", 0, 0, 100_000);
        } catch (CommandLine.UsageException e) {
            err.println("gainstage ardour: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (install) {
                Path script = BridgeScripts.writeTo(BridgeScripts.ardourScriptFolder(), BridgeScripts.BRIDGE);
                err.println("gainstage ardour: bridge script at " + script
                        + " (in the GUI: Edit > Lua Scripts > Script Manager > Action Hooks > Add > gainstage bridge)");
            }
            ArdourAdapter adapter = new ArdourAdapter(new ArdourAdapter.Config(osc, sidecar, controlDir, false, maxTapPorts));
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                adapter.close();
                done.countDown();
            }, "gainstage-ardour-shutdown"));
            adapter.start();
            err.println("gainstage ardour: waiting for the bridge on UDP " + adapter.bridgePort() + " (control folder "
                    + controlDir + "), Ardour OSC at " + osc.getHostString() + ":" + osc.getPort() + ", sidecar "
                    + sidecar);
            done.await();
            return 0;
        } catch (IOException e) {
            err.println("gainstage ardour: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    public static InetSocketAddress hostPort(String text) throws CommandLine.UsageException {
        int colon = text.lastIndexOf(':');
        try {
            if (colon <= 0) {
                throw new NumberFormatException();
            }
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(text.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--osc needs HOST:PORT, not '" + text + "'");
        }
    }
}
