package dev.gainstage.adapter.doctor;

import dev.gainstage.adapter.ardour.ArdourSurface;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Ardour's OSC surface, through which fixes are applied: asks it to list its strips. */
final class OscCheck implements DoctorCheck {
    private final InetSocketAddress address;
    private final long timeoutMillis;

    OscCheck(InetSocketAddress address, long timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<Finding> run() {
        String where = address.getHostString() + ":" + address.getPort();
        try (ArdourSurface surface = new ArdourSurface(address)) {
            Map<String, Integer> strips = surface.strips(timeoutMillis);
            return List.of(Finding.ok(
                    "Ardour OSC", "Ardour's OSC surface at " + where + " answers (" + strips.size() + " strips)"));
        } catch (TimeoutException | IOException e) {
            return List.of(Finding.todo(
                    "Ardour OSC",
                    "no answer from Ardour's OSC surface at " + where + " within " + timeoutMillis + " ms",
                    "open your session in Ardour with OSC on (Edit > Preferences > Control Surfaces > Open Sound Control), "
                            + "or run it headless: scripts/gainstage ardour-host SESSION.ardour"));
        }
    }
}
