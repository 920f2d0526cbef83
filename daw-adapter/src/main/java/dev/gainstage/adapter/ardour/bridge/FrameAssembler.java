package dev.gainstage.adapter.ardour.bridge;

import dev.gainstage.adapter.ardour.osc.OscMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts the bridge's OSC messages back together into frames: {@code /gainstage/frame} (6 arguments, or 7 with
 * Ardour's revision last: an older bridge, say a GUI hook installed before, sends 6), one
 * {@code /gainstage/route} per route, {@code /gainstage/end}. A frame with a lost or foreign message is
 * dropped whole (UDP may lose one); the next one, a tick later, replaces it. Not thread-safe: fed by the
 * one OSC receiver thread.
 */
public final class FrameAssembler {
    private long number = -1;
    private String path;
    private String name;
    private boolean rolling;
    private long sample;
    private String revision;
    private BridgeRoute[] routes;
    private int received;
    private long dropped;

    /** @return the frame this message completed, if any */
    public Optional<BridgeFrame> accept(OscMessage m) throws BridgeFormatException {
        switch (m.address()) {
            case "/gainstage/frame" -> {
                if (routes != null) {
                    dropped++;
                }
                if (m.size() != 6 && m.size() != 7) {
                    throw new BridgeFormatException(m.address() + " has " + m.size() + " arguments, not 6 or 7");
                }
                number = m.integer(0);
                path = m.string(1);
                name = m.string(2);
                int count = (int) m.integer(3);
                if (count < 0 || count > 4096) {
                    throw new BridgeFormatException("frame " + number + ": " + count + " routes");
                }
                rolling = m.integer(4) != 0;
                sample = (long) m.number(5);
                revision = m.size() > 6 ? m.string(6) : "";
                routes = new BridgeRoute[count];
                received = 0;
            }
            case "/gainstage/route" -> {
                expect(m, 3);
                if (routes == null || m.integer(0) != number) {
                    return Optional.empty();
                }
                int index = (int) m.integer(1);
                if (index < 0 || index >= routes.length) {
                    throw new BridgeFormatException(
                            "frame " + number + ": route index " + index + " of " + routes.length);
                }
                BridgeRoute route = RouteDescriptions.parse(m.string(2));
                if (routes[index] == null) {
                    received++;
                }
                routes[index] = route;
            }
            case "/gainstage/end" -> {
                expect(m, 1);
                if (routes == null || m.integer(0) != number) {
                    return Optional.empty();
                }
                BridgeRoute[] done = routes;
                routes = null;
                if (received != done.length) {
                    dropped++;
                    return Optional.empty();
                }
                List<BridgeRoute> list = new ArrayList<>(Arrays.asList(done));
                return Optional.of(new BridgeFrame(number, path, name, rolling, sample, list, revision));
            }
            default -> {}
        }
        return Optional.empty();
    }

    /** Frames given up because a message was lost. */
    public long dropped() {
        return dropped;
    }

    private static void expect(OscMessage m, int args) throws BridgeFormatException {
        if (m.size() != args) {
            throw new BridgeFormatException(m.address() + " has " + m.size() + " arguments, not " + args);
        }
    }
}
