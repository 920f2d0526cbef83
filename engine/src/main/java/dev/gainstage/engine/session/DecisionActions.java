package dev.gainstage.engine.session;

import dev.gainstage.engine.checklist.ChecklistItem;
import dev.gainstage.engine.graph.Strip;
import dev.gainstage.engine.rules.Warning;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The user's decisions about one session as undoable actions: each is checked against what the session shows,
 * put in words ({@link DecisionWords}), and recorded in the history with what it takes to undo it; an undo takes
 * it back (a fix's gains set back through the adapter, see {@link FixRequests}). Every change goes through the
 * session's save-then-apply update.
 */
public final class DecisionActions {
    /** The session's save-then-apply update of its decisions. */
    interface Update {
        void apply(UnaryOperator<Decisions> change) throws IOException;
    }

    private final String sessionKey;
    private final Supplier<SessionState> state;
    private final Supplier<Decisions> current;
    private final Update update;
    private final FixRequests fixes;
    private final Supplier<AdapterLink> link;

    /**
     * @param state   the state published now
     * @param current the decisions in effect now
     * @param link    the attached adapter now, or null
     */
    DecisionActions(
            String sessionKey,
            Supplier<SessionState> state,
            Supplier<Decisions> current,
            Update update,
            FixRequests fixes,
            Supplier<AdapterLink> link) {
        this.sessionKey = sessionKey;
        this.state = state;
        this.current = current;
        this.update = update;
        this.fixes = fixes;
        this.link = link;
    }

    /**
     * Acknowledges a warning shown now (or with {@code item}, a checklist item) for {@code reason}, recorded so it
     * can be undone.
     *
     * @throws IllegalArgumentException when the reason is blank; nothing is saved or changed then
     * @throws NoSuchElementException   naming the id when no such warning is shown or item exists
     */
    public void acknowledge(String id, boolean item, String reason) throws IOException {
        SessionState s = state.get();
        String text;
        if (item) {
            ChecklistItem found = s.checklist().steps().stream()
                    .flatMap(step -> step.items().stream())
                    .filter(i -> i.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no checklist item '" + id + "'"));
            text = reason == null ? "" : DecisionWords.acknowledgedItem(found, reason);
        } else {
            Warning found = s.warnings().stream()
                    .filter(w -> w.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no active warning '" + id + "'"));
            text = reason == null ? "" : DecisionWords.acknowledgedWarning(found, reason);
        }
        update.apply(d -> {
            Decisions next = item ? d.acknowledgeItem(id, reason) : d.acknowledgeWarning(id, reason);
            return next.record(new DecisionRecord(
                    d.nextNumber(),
                    DecisionRecord.Kind.ACKNOWLEDGE,
                    id,
                    text,
                    s.audioSeconds(),
                    item,
                    false,
                    List.of()));
        });
    }

    /**
     * Marks (or unmarks) a stage, or the whole strip of a stage, intentional saturation, recorded so it can be undone.
     *
     * @throws NoSuchElementException naming the id when the graph has no such stage
     */
    public void markIntentional(String stageId, boolean strip, boolean on) throws IOException {
        SessionState s = state.get();
        Strip owner = s.graph()
                .stripOfStage(stageId)
                .orElseThrow(() -> new NoSuchElementException("unknown stage id '" + stageId + "'"));
        String id = strip ? owner.id() : stageId;
        String text = DecisionWords.intentional(s.graph(), id, strip, on);
        update.apply(d -> d.markIntentional(id, on)
                .record(new DecisionRecord(
                        d.nextNumber(),
                        DecisionRecord.Kind.INTENTIONAL,
                        id,
                        text,
                        s.audioSeconds(),
                        false,
                        d.intentional().contains(id),
                        List.of())));
    }

    /**
     * Asks the adapter to apply a warning's suggested fix (see {@link FixRequests}); the gains it changed are
     * recorded, with their values before, so it can be undone.
     */
    public CompletableFuture<FixOutcome> applyFix(String warningId) {
        SessionState s = state.get();
        return fixes.apply(warningId, s.warnings(), link.get(), s.graph()).thenApply(done -> {
            if (done.changes().isEmpty()) {
                return done.outcome();
            }
            Warning w = s.warnings().stream()
                    .filter(x -> x.id().equals(warningId))
                    .findFirst()
                    .orElseThrow();
            String text = DecisionWords.fix(w, done.changes());
            long[] number = new long[1];
            try {
                update.apply(d -> {
                    number[0] = d.nextNumber();
                    return d.record(new DecisionRecord(
                            number[0],
                            DecisionRecord.Kind.FIX,
                            warningId,
                            text,
                            s.audioSeconds(),
                            false,
                            false,
                            done.changes()));
                });
            } catch (IOException | RuntimeException e) {
                return new FixOutcome(
                        done.outcome().applied(),
                        done.outcome().message() + " (it cannot be undone: saving its undo record failed: "
                                + e.getMessage() + ")");
            }
            return new FixOutcome(
                    done.outcome().applied(), done.outcome().message() + " (undo: decision " + number[0] + ")");
        });
    }

    /**
     * Undoes the decision {@code id}, or with {@code id} empty the most recent of {@code kind} (null: any kind): an
     * acknowledgement is withdrawn, an intentional mark set back, an applied fix's gains set back to their values
     * before through the adapter. A fix's gains the adapter could not set back stay in its record, to try again.
     *
     * @throws NoSuchElementException in one line, when there is no such decision (or none of that kind) to undo
     */
    public CompletableFuture<UndoOutcome> undo(String id, DecisionRecord.Kind kind) throws IOException {
        DecisionRecord r = current.get()
                .find(id, kind)
                .orElseThrow(() -> new NoSuchElementException(
                        !id.isEmpty()
                                ? "no decision '" + id + "' to undo in session '" + sessionKey + "'"
                                : "nothing to undo in session '" + sessionKey + "': no "
                                        + (kind == DecisionRecord.Kind.FIX
                                                ? "applied fix"
                                                : kind == null
                                                        ? "decision"
                                                        : kind.name().toLowerCase(Locale.ROOT))
                                        + " recorded"));
        switch (r.kind()) {
            case ACKNOWLEDGE ->
                update.apply(d ->
                        d.withdrawAcknowledgement(r.targetId(), r.itemAck()).replaceRecord(r, null));
            case INTENTIONAL ->
                update.apply(d ->
                        d.markIntentional(r.targetId(), r.intentionalBefore()).replaceRecord(r, null));
            case FIX -> {
                return fixes.undo(r.gains(), link.get()).thenApply(done -> undoneFix(r, done));
            }
        }
        return CompletableFuture.completedFuture(new UndoOutcome(true, "Undone: " + r.text(), r));
    }

    private UndoOutcome undoneFix(DecisionRecord r, FixRequests.FixDone done) {
        List<GainChange> remaining = r.gains().stream()
                .filter(g -> done.changes().stream().noneMatch(c -> c.stageId().equals(g.stageId())))
                .toList();
        if (remaining.size() == r.gains().size()) {
            return new UndoOutcome(false, "could not undo: " + done.outcome().message(), r);
        }
        try {
            update.apply(d -> d.replaceRecord(r, remaining.isEmpty() ? null : r.withGains(remaining)));
        } catch (IOException | RuntimeException e) {
            return new UndoOutcome(
                    true, "undone, but the history could not be saved (" + e.getMessage() + "): " + r.text(), r);
        }
        String gains = done.changes().stream().map(DecisionWords::gain).collect(Collectors.joining(", "));
        return remaining.isEmpty()
                ? new UndoOutcome(true, "Undone: " + r.text() + " (set back: " + gains + ")", r)
                : new UndoOutcome(
                        true,
                        "partly undone: set back " + gains + "; "
                                + done.outcome().message(),
                        r);
    }

    /**
     * Forgets all of the session's decisions: acknowledgements, intentional marks, rule overrides and the undo
     * history (gains fixes changed stay as they are, and so does the delivery target, a setting rather than a
     * decision about a warning).
     */
    public void clear() throws IOException {
        update.apply(d -> Decisions.NONE.withDeliveryTarget(d.deliveryTarget()));
    }
}
