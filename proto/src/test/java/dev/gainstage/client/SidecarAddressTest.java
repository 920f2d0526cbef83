package dev.gainstage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages that ask for a sidecar name the command that starts one where the client looks for it. */
class SidecarAddressTest {
    @Test
    void theStartCommandListensWhereTheClientLooks() throws Exception {
        assertEquals("scripts/gainstage sidecar", SidecarAddress.DEFAULT.startCommand());
        assertEquals(
                "scripts/gainstage sidecar --port 50677",
                SidecarAddress.parse("127.0.0.1:50677").startCommand());
        assertEquals(
                "scripts/gainstage sidecar",
                SidecarAddress.parse("localhost:50551").startCommand());
        assertEquals(
                "scripts/gainstage sidecar --bind 192.168.1.20 --port 50600",
                SidecarAddress.parse("192.168.1.20:50600").startCommand());
    }
}
