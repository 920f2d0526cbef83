package dev.gainstage.adapter.ardour.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** Adds the tail of Ardour's log (and whether it still runs) to a failing test's or lifecycle method's error. */
public final class ArdourLogOnFailure
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    private final Supplier<ArdourGui> gui;

    public ArdourLogOnFailure(Supplier<ArdourGui> gui) {
        this.gui = gui;
    }

    private Throwable withLog(Throwable t) {
        ArdourGui g = gui.get();
        if (g == null) {
            return t;
        }
        return new AssertionError(
                t.getMessage() + "\n---- Ardour " + (g.alive() ? "(running" : "(NOT running")
                        + ", engine " + (halted(g) ? "HALTED" : "running") + "), " + g.log() + ", last lines:\n"
                        + g.logTail(40),
                t);
    }

    private static boolean halted(ArdourGui g) {
        try {
            return g.engineHalted();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw withLog(t);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw withLog(t);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        throw withLog(t);
    }
}
