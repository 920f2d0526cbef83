package dev.gainstage.engine.transport;

/** The sidecar's build version, from its jar's manifest ("dev" when run from classes, as in some tests). */
public final class SidecarVersion {
    public static final String VERSION = version();

    private SidecarVersion() {}

    private static String version() {
        String v = SidecarVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
