package dev.gainstage.adapter.ardour;

import dev.gainstage.client.CommandLine;
import dev.gainstage.client.SidecarAddress;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ardour [--osc 127.0.0.1:3819] [--sidecar HOST:PORT] [--control-dir DIR] [--no-install]}: connects a
 * running Ardour (GUI with the bridge hook enabled, or {@code gainstage ardour-host}) to the sidecar until
 * interrupted. Installs the bridge script into the script folder of every Ardour major present first (so each GUI
 * can find it), and warns of a bridge hook saved by a release whose signal numbers differ (see {@link BridgeHook}).
 */
public final class ArdourCommand {
    static final String USAGE = "usage: gainstage ardour [--osc 127.0.0.1:3819] [--sidecar HOST:PORT] "
            + "[--control-dir DIR] [--no-install] [--max-tap-ports N]";

    private ArdourCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        InetSocketAddress osc;
        SidecarAddress sidecar;
        Path controlDir;
        boolean install;
        int maxTapPorts;
        try {
            CommandLine cl = CommandLine.parse(
                    args, Set.of("osc", "sidecar", "control-dir", "max-tap-ports"), Set.of("no-install"));
            if (!cl.positional().isEmpty()) {
                throw new CommandLine.UsageException(
                        "unexpected argument '" + cl.positional().getFirst() + "'");
            }
            osc = hostPort(cl.value("osc", "127.0.0.1:3819"));
            sidecar = cl.value("sidecar").isPresent()
                    ? SidecarAddress.parse(cl.value("sidecar").get())
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
            Map<String, String> env = System.getenv();
            List<ArdourInstalls.Install> ardours = ArdourInstalls.present(env);
            if (install) {
                installBridge(ardours, env, err);
            }
            warnOfStaleHooks(ardours, err);
            ArdourAdapter adapter =
                    new ArdourAdapter(new ArdourAdapter.Config(osc, sidecar, controlDir, false, maxTapPorts));
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                adapter.close();
                                done.countDown();
                            },
                            "gainstage-ardour-shutdown"));
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

    /** Puts the bridge script into the script folder of every Ardour major present, and says where. */
    static void installBridge(List<ArdourInstalls.Install> ardours, Map<String, String> env, PrintStream err)
            throws IOException {
        if (ardours.isEmpty()) {
            err.println("gainstage ardour: no Ardour found (no ardour9, ardour8 or ardour7 on the PATH, no "
                    + ArdourInstalls.configFolder(env, 9).resolveSibling("ardourN") + "): start Ardour once, then "
                    + "run gainstage ardour again to put the bridge into its script folder");
            return;
        }
        for (ArdourInstalls.Install a : ardours) {
            Path script = BridgeScripts.writeTo(a.scripts(), BridgeScripts.BRIDGE);
            err.println("gainstage ardour: bridge script for Ardour " + a.major() + " at " + script + " (in its GUI: "
                    + "Edit > Lua Scripts > Script Manager > Action Hooks > New Hook > gainstage bridge > Add)");
        }
    }

    /** A bridge hook saved by a release that numbers Ardour's signals differently runs on the wrong signals. */
    static void warnOfStaleHooks(List<ArdourInstalls.Install> ardours, PrintStream err) {
        for (ArdourInstalls.Install a : ardours) {
            BridgeHook.State hook = BridgeHook.check(a);
            if (hook.status() == BridgeHook.Status.STALE) {
                err.println("gainstage ardour: warning: " + BridgeHook.reAddFix(a.major()) + ". " + hook.text());
            }
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
