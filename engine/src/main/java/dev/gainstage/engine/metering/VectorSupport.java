package dev.gainstage.engine.metering;

import java.util.function.Supplier;

/**
 * Chooses between a Vector API implementation of a hot loop and its plain-Java twin. The Vector API is the
 * {@code jdk.incubator.vector} module, resolved only when the JVM is started with {@code --add-modules
 * jdk.incubator.vector} (scripts/gainstage does so for the sidecar, the build for tests and benchmarks); without it,
 * or with {@value #SCALAR_PROPERTY} set (for A/B runs), or on a machine with fewer than four double lanes, the plain
 * twin runs. Both give the same bits, so the choice changes only the speed. The vector class is loaded by name: a JVM
 * without the module never links it.
 */
public final class VectorSupport {
    /** System property that keeps the plain-Java loops even where the Vector API is present. */
    static final String SCALAR_PROPERTY = "gainstage.metering.scalar";

    private VectorSupport() {}

    /** For the sidecar's log: which loops its meters run, and how to get the vector ones when they do not. */
    public static String describe() {
        if (available()) {
            return "meters on " + VectorLanes.LANES + "-lane vectors (jdk.incubator.vector)";
        }
        if (Boolean.getBoolean(SCALAR_PROPERTY)) {
            return "meters on plain Java loops (-D" + SCALAR_PROPERTY + " is set)";
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "meters on plain Java loops (start the JVM with --add-modules jdk.incubator.vector for vectors)";
        }
        return "meters on plain Java loops (this machine has fewer than four double lanes)";
    }

    /** Whether the vector loops run in this JVM. */
    static boolean available() {
        return !Boolean.getBoolean(SCALAR_PROPERTY)
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && VectorLanes.usable();
    }

    /** A new instance of {@code vectorClass} (a class of this package) when {@link #available}, else {@code scalar}'s. */
    static <T> T best(Class<T> type, String vectorClass, Supplier<T> scalar) {
        if (!available()) {
            return scalar.get();
        }
        try {
            return type.cast(Class.forName(VectorSupport.class.getPackageName() + "." + vectorClass)
                    .getDeclaredConstructor()
                    .newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return scalar.get();
        }
    }
}
