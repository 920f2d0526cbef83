package dev.gainstage.adapter.ardour;

import dev.gainstage.adapter.link.SidecarLink;
import dev.gainstage.proto.v1.AdapterMessage;
import dev.gainstage.proto.v1.FixRequest;
import dev.gainstage.proto.v1.FixResult;
import dev.gainstage.proto.v1.Stage;
import dev.gainstage.proto.v1.Strip;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Applies the sidecar's fixes through Ardour's OSC surface: clamps the change into the target's range (an absolute
 * target, the sidecar undoing a fix, is refused out of range instead), sets it, and waits until the bridge reports
 * Ardour showing it; the result says the gain before and after. Runs on the adapter's fix thread (it waits for Ardour).
 */
final class FixApplier {
    private static final Logger LOG = Logger.getLogger(FixApplier.class.getName());

    private final ArdourSurface surface;
    private final Supplier<ArdourSession> sessions;
    private final Supplier<SidecarLink> links;
    private final FixPolicy policy;

    /**
     * @param sessions the session as the bridge last reported it
     * @param links    the stream to the sidecar now (the result goes to the stream that is current when it is known)
     */
    FixApplier(ArdourSurface surface, Supplier<ArdourSession> sessions, Supplier<SidecarLink> links, FixPolicy policy) {
        this.surface = surface;
        this.sessions = sessions;
        this.links = links;
        this.policy = policy;
    }

    /** Applies one fix and sends its result to the sidecar. */
    void apply(FixRequest fix) {
        FixResult result;
        try {
            result = fixResult(fix);
        } catch (TimeoutException e) {
            result = failed(
                    fix,
                    "Ardour's OSC surface at " + surface.address() + " did not answer /strip/list within "
                            + seconds(policy.stripListTimeout().toMillis())
                            + " (is OSC enabled in Ardour's Preferences > Control Surfaces?)");
        } catch (IOException | RuntimeException e) {
            result = failed(fix, "could not reach Ardour's OSC surface at " + surface.address() + ": " + e);
        }
        FixResult r = result;
        LOG.info(() -> "fix " + fix.getStageId() + " "
                + (fix.hasSetGainDb() ? "= " + fix.getSetGainDb() : Double.toString(fix.getChangeDb())) + " dB: "
                + r.getMessage());
        SidecarLink link = links.get();
        if (link != null) {
            link.send(AdapterMessage.newBuilder().setFixResult(r).build());
        }
    }

    private static FixResult failed(FixRequest fix, String message) {
        return FixResult.newBuilder()
                .setFixId(fix.getFixId())
                .setApplied(false)
                .setMessage(message)
                .build();
    }

    /** Applied, with the gain before and the value set, so the sidecar can set it back to undo the fix. */
    private static FixResult applied(FixRequest fix, String message, double before, double after) {
        return FixResult.newBuilder()
                .setFixId(fix.getFixId())
                .setApplied(true)
                .setMessage(message)
                .setGainBeforeDb(before)
                .setGainAfterDb(after)
                .build();
    }

    private FixResult fixResult(FixRequest fix) throws IOException, TimeoutException {
        ArdourSession s = sessions.get();
        FixTarget target = s == null ? null : s.fixTargets().get(fix.getStageId());
        if (target == null) {
            return failed(fix, "stage " + fix.getStageId() + " has no gain Ardour's OSC surface can set");
        }
        double now = target.currentDb();
        String what = target.describe();
        boolean absolute = fix.hasSetGainDb();
        double wanted = absolute ? fix.getSetGainDb() : now + fix.getChangeDb();
        if (absolute && (!Double.isFinite(wanted) || wanted < target.minDb() || wanted > target.maxDb())) {
            return failed(
                    fix,
                    what + " cannot be set to " + fmt(wanted) + ": it takes " + fmt(target.minDb()) + ".."
                            + fmt(target.maxDb()));
        }
        double value = Math.clamp(wanted, target.minDb(), target.maxDb());
        if (absolute && Math.abs(value - now) < policy.shownToleranceDb()) {
            return applied(fix, what + " is already at " + fmt(value), now, now);
        }
        if (!absolute && Math.abs(value - now) < policy.atLimitDb()) {
            return failed(
                    fix,
                    what + " is at its limit (" + fmt(now) + "); cannot change it by " + fmt(fix.getChangeDb())
                            + " dB");
        }
        Optional<String> notShown = setShown(fix.getStageId(), target, value);
        if (notShown.isPresent()) {
            return failed(fix, notShown.get());
        }
        String partial = Math.abs(value - wanted) > policy.atLimitDb()
                ? " (limited to its range " + fmt(target.minDb()) + ".." + fmt(target.maxDb()) + ")"
                : "";
        return applied(fix, what + " set from " + fmt(now) + " to " + fmt(value) + partial, now, value);
    }

    /**
     * Sets {@code target} (the gain of {@code stageId}) to {@code value} and waits until the bridge reports Ardour
     * showing it: empty once shown, else why not.
     */
    Optional<String> setShown(String stageId, FixTarget target, double value) throws IOException, TimeoutException {
        OptionalInt ssid = ssid(target.routeName());
        if (ssid.isEmpty()) {
            return Optional.of("Ardour's OSC surface does not list strip '" + target.routeName() + "'");
        }
        surface.apply(target, value, ssid.getAsInt());
        if (awaitShown(s -> gainShown(s, stageId).stream()
                .anyMatch(shown -> Math.abs(shown - value) < policy.shownToleranceDb()))) {
            return Optional.empty();
        }
        return Optional.of("sent " + target.describe() + " = " + fmt(value) + " but Ardour did not show it within "
                + seconds(policy.showTimeout().toMillis()));
    }

    /** The strip's surface id now (ids move as strips come and go), or empty when Ardour does not list it. */
    OptionalInt ssid(String routeName) throws IOException, TimeoutException {
        Integer ssid = surface.strips(policy.stripListTimeout().toMillis()).get(routeName);
        return ssid == null ? OptionalInt.empty() : OptionalInt.of(ssid);
    }

    /** Waits (up to the policy's show timeout) until the session the bridge reports satisfies {@code shown}. */
    boolean awaitShown(Predicate<ArdourSession> shown) {
        long deadline = System.nanoTime() + policy.showTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ArdourSession s = sessions.get();
            if (s != null && shown.test(s)) {
                return true;
            }
            try {
                Thread.sleep(policy.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** How long a change may take to show, in words ("3 s"). */
    String showTimeout() {
        return seconds(policy.showTimeout().toMillis());
    }

    private static OptionalDouble gainShown(ArdourSession s, String stageId) {
        for (Strip strip : s.strips()) {
            for (Stage st : strip.getStagesList()) {
                if (st.getId().equals(stageId) && st.hasGainDb()) {
                    return OptionalDouble.of(st.getGainDb());
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** "2 s", as the messages always said; "1.5 s" for a policy with fractions. */
    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
