package id.lindungdesa.service;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.persistence.UndoRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Undo and redo of the roster changes made on the desk (issue 13 item 12): a new person, a person's details, a
 * post, an enrolment, an end of term (with its successor). Each change is a {@link Command} with
 * {@code execute}/{@code undo} and a description ("akhiri masa jabatan Nana"). A change run through
 * {@link #record} is remembered from what it audited (the records before and after); undoing writes the records
 * back, tombstones what it created, and is audited like any change ("Batalkan: …"). No JavaFX here: the roster
 * screen maps Ctrl+Z and Ctrl+Y to {@link #undo()} and {@link #redo()}.
 */
public final class RosterUndo {
    /** How many changes are kept for undo. */
    public static final int LIMIT = 50;

    /** A change that can be undone and done again. */
    public interface Command {
        /** What the change did, e.g. "akhiri masa jabatan Nana". */
        Text description();

        /** Does the change (again). */
        void execute();

        /** Takes the change back. */
        void undo();
    }

    private final Database db;
    private final PersonRepository people;
    private final PostRepository posts;
    private final EnrolmentRepository enrolments;
    private final Clock clock;
    private final AuditLog audit;
    private final UndoRepository undoRepo = new UndoRepository();
    private final Deque<Command> done = new ArrayDeque<>();
    private final Deque<Command> undone = new ArrayDeque<>();

    public RosterUndo(Database db, PersonRepository people, PostRepository posts, EnrolmentRepository enrolments,
                      Clock clock, AuditLog audit) {
        this.db = db;
        this.people = people;
        this.posts = posts;
        this.enrolments = enrolments;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Runs a roster change (one service call) and remembers it under {@code description}; returns its result.
     * A change that audited no person, post or enrolment is not remembered.
     */
    public <T> T record(Text description, Supplier<T> change) {
        AuditLog.Captured<T> c = AuditLog.capture(change);
        List<AuditLog.Change> records = c.changes().stream().filter(RosterUndo::undoable).toList();
        if (!records.isEmpty()) push(new RecordsCommand(description, records));
        return c.result();
    }

    /** Remembers a change already made; the redo list is emptied. */
    public synchronized void push(Command c) {
        done.push(c);
        undone.clear();
        while (done.size() > LIMIT) done.removeLast();
    }

    /** "Batalkan: akhiri masa jabatan Nana", or empty when there is nothing to undo. */
    public synchronized Optional<Text> nextUndo() {
        return Optional.ofNullable(done.peek()).map(c -> Text.of("undo.undo", c.description()));
    }

    /** "Ulangi: akhiri masa jabatan Nana", or empty when there is nothing to redo. */
    public synchronized Optional<Text> nextRedo() {
        return Optional.ofNullable(undone.peek()).map(c -> Text.of("undo.redo", c.description()));
    }

    /**
     * Undoes the last change; returns what was undone ("Dibatalkan: …"), empty when there was nothing. When the
     * records changed since in another way, nothing is written, the history is emptied and the refusal says so.
     */
    public synchronized Optional<Text> undo() {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17: undo writes like any change
        Command c = done.peek();
        if (c == null) return Optional.empty();
        try {
            c.undo();
        } catch (ChangedSinceException e) {
            done.clear();
            undone.clear();
            throw e;
        }
        done.pop();
        undone.push(c);
        return Optional.of(Text.of("undo.undone", c.description()));
    }

    /** Does the last undone change again; returns what ("Diulangi: …"), empty when there was nothing. */
    public synchronized Optional<Text> redo() {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17: undo writes like any change
        Command c = undone.peek();
        if (c == null) return Optional.empty();
        try {
            c.execute();
        } catch (ChangedSinceException e) {
            done.clear();
            undone.clear();
            throw e;
        }
        undone.pop();
        done.push(c);
        return Optional.of(Text.of("undo.redone", c.description()));
    }

    /** Forgets every change (e.g. after an import or a restore replaced the data underneath). */
    public synchronized void clear() {
        done.clear();
        undone.clear();
    }

    /** A record changed since the change being undone: undo would overwrite that. */
    public static final class ChangedSinceException extends LocalizedException {
        public ChangedSinceException(Text what) {
            super("undo.error.changed", what);
        }
    }

    private static boolean undoable(AuditLog.Change c) {
        Object r = c.after() != null ? c.after() : c.before();
        return r instanceof Person || r instanceof Post || r instanceof Enrolment;
    }

    /** A change as the records it audited: undo writes each "before" back (last first), redo each "after". */
    private final class RecordsCommand implements Command {
        private final Text description;
        private final List<AuditLog.Change> changes;
        /** Per change, the version the record has while this command stands done (or undone). */
        private final int[] versions;

        RecordsCommand(Text description, List<AuditLog.Change> changes) {
            this.description = description;
            this.changes = List.copyOf(changes);
            this.versions = new int[changes.size()];
            for (int i = 0; i < changes.size(); i++) versions[i] = -1;
        }

        @Override
        public Text description() {
            return description;
        }

        @Override
        public void execute() {
            apply(true);
        }

        @Override
        public void undo() {
            apply(false);
        }

        private void apply(boolean forward) {
            String note = (forward ? "Ulangi: " : "Batalkan: ") + description.in(new Messages(Messages.INDONESIAN));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) order.add(i);
            if (!forward) Collections.reverse(order);
            db.writeVoid(tx -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                // Last version each record reached (a record changed twice by one command counts once).
                java.util.Map<UUID, Integer> last = new java.util.HashMap<>();
                for (int i : order) {
                    AuditLog.Change ch = changes.get(i);
                    String entity = ch.entityType();
                    UUID id = ch.entityId();
                    Object from = forward ? ch.before() : ch.after();
                    Object to = forward ? ch.after() : ch.before();
                    int current = undoRepo.version(tx, entity, id);
                    int expected = last.getOrDefault(id, versions[i] >= 0 ? versions[i] : version(from));
                    if (!"enrolment".equals(entity) && expected >= 0 && current != expected) {
                        throw new ChangedSinceException(description);
                    }
                    if (to == null) {
                        undoRepo.tombstone(tx, entity, id, note, now);
                    } else {
                        if (undoRepo.tombstoned(tx, entity, id)) undoRepo.untombstone(tx, entity, id, now);
                        if (from != null) write(tx, to, undoRepo.version(tx, entity, id), now);
                    }
                    if (from instanceof Post a && to instanceof Post b) endOfTerm(tx, a, b, note, now);
                    audit.record(tx, to == null ? "DELETE" : from == null ? "CREATE" : "UPDATE", entity, id,
                            village(to != null ? to : from), personId(to != null ? to : from), note, from, to);
                    int after = undoRepo.version(tx, entity, id);
                    last.put(id, after);
                }
                for (int i = 0; i < changes.size(); i++) versions[i] = last.get(changes.get(i).entityId());
            });
        }

        private int version(Object r) {
            if (r instanceof Person p) return p.version();
            if (r instanceof Post p) return p.version();
            return -1;
        }

        private void write(Tx tx, Object r, int version, OffsetDateTime now) {
            if (r instanceof Person p) {
                people.update(tx, p.withVersion(version), now);
            } else if (r instanceof Post p) {
                posts.update(tx, new Post(p.id(), version, p.personId(), p.villageCode(), p.position(),
                        p.unitLabel(), p.skNumber(), p.skDate(), p.startDate(), p.plannedEndDate(), p.endDate(),
                        p.endReason()), now);
            } else if (r instanceof Enrolment e) {
                enrolments.update(tx, new Enrolment(e.id(), version, e.personId(), e.postId(), e.kpj(), e.segment(),
                        e.programmes(), e.jkkRiskClass(), e.wageBase(), e.fundingSource()), now);
            }
        }

        /**
         * Ending a term ends the enrolments tied to the post; taking the end back returns them to the state they
         * had, from the same date (a new status step: the history keeps both).
         */
        private void endOfTerm(Tx tx, Post from, Post to, String note, OffsetDateTime now) {
            boolean reopened = from.endDate() != null && to.endDate() == null;
            boolean ended = from.endDate() == null && to.endDate() != null;
            if (!reopened && !ended) return;
            LocalDate on = reopened ? from.endDate() : to.endDate();
            for (Enrolment e : enrolments.byPerson(tx, to.personId())) {
                if (!to.id().equals(e.postId())) continue;
                List<EnrolmentStatus> history = enrolments.history(tx, e.id());
                EnrolmentState state = EnrolmentState.ENDED;
                if (reopened) {
                    EnrolmentState before = null;
                    for (EnrolmentStatus s : history) {
                        if (s.effectiveDate().isBefore(on)) before = s.state();
                    }
                    if (before == null || before == EnrolmentState.ENDED) continue;
                    state = before;
                }
                OffsetDateTime at = now;
                for (EnrolmentStatus s : history) {
                    if (!s.recordedAt().isBefore(at)) at = s.recordedAt().plusNanos(1_000_000);
                }
                enrolments.addStatus(tx, new EnrolmentStatus(UUID.randomUUID(), e.id(), state, on, note, at,
                        audit.actor()));
                enrolments.touch(tx, e.id(), now);
            }
        }

        private String village(Object r) {
            if (r instanceof Person p) return p.homeVillageCode();
            if (r instanceof Post p) return p.villageCode();
            return null;
        }

        private UUID personId(Object r) {
            if (r instanceof Person p) return p.id();
            if (r instanceof Post p) return p.personId();
            if (r instanceof Enrolment e) return e.personId();
            return null;
        }
    }
}
