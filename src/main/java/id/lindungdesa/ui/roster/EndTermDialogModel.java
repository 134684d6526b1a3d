package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.FormModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Ends a term (date and reason) and optionally appoints a successor to the same post in the same transaction.
 * The successor is found by NIK: someone already on a roster is appointed as they are; a new NIK makes a new
 * person from the name and sex typed here.
 */
public final class EndTermDialogModel extends FormModel {
    private final RosterService roster;
    private final TaskExecutor tasks;
    private final UUID postId;
    private Post post;

    public final StringProperty endDate = new SimpleStringProperty("");
    public final ObjectProperty<EndReason> reason = new SimpleObjectProperty<>(EndReason.TERM_ENDED);
    public final BooleanProperty appointSuccessor = new SimpleBooleanProperty(false);
    public final StringProperty successorNik = new SimpleStringProperty("");
    public final StringProperty successorName = new SimpleStringProperty("");
    public final ObjectProperty<Sex> successorSex = new SimpleObjectProperty<>();
    public final StringProperty skNumber = new SimpleStringProperty("");
    public final StringProperty skDate = new SimpleStringProperty("");
    public final StringProperty startDate = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    /** The successor's sex as last read from the NIK. */
    private Sex filledSex;

    /** After a successor was appointed: their enrolment on the same terms, to offer the clerk (issue 13). */
    public record SuccessorOffer(UUID personId, UUID postId, id.lindungdesa.domain.Position position,
                                 String successorName, id.lindungdesa.domain.Enrolment predecessor) {
    }

    private id.lindungdesa.service.EnrolmentService enrolments;
    private SuccessorOffer offer;

    /** Lets the model offer the successor an enrolment on the predecessor's terms after saving. */
    public EndTermDialogModel offeringEnrolment(id.lindungdesa.service.EnrolmentService enrolments) {
        this.enrolments = enrolments;
        return this;
    }

    /** The enrolment to offer after a save that appointed a successor not yet enrolled, if any. */
    public Optional<SuccessorOffer> successorOffer() {
        return Optional.ofNullable(offer);
    }

    public EndTermDialogModel(RosterService roster, TaskExecutor tasks, UUID postId) {
        this.roster = roster;
        this.tasks = tasks;
        this.postId = postId;
        endDate.set(text(roster.today()));
        successorNik.addListener((o, a, b) -> {
            Nik.Check c = Nik.check(b, roster.today());
            // Filled again when the NIK is corrected, unless the clerk chose the sex by hand.
            if (c.valid() && (successorSex.get() == null || successorSex.get() == filledSex)) {
                filledSex = c.sex();
                successorSex.set(filledSex);
            }
        });
    }

    /** Loads the post (its current version) in the background. */
    public void load(Runnable then) {
        tasks.execute(BackgroundTask.<Optional<Post>>of(Messages.tr("roster.loading"), p -> roster.post(postId))
                .onSuccess(p -> {
                    post = p.orElse(null);
                    if (post == null) {
                        errors().put(GENERAL, Messages.tr("form.error.stale"));
                    } else {
                        // The planned end (passed, or within the 90 days a term is "ending"), not today.
                        if (post.plannedEndDate() != null
                                && !post.plannedEndDate().isAfter(roster.today().plusDays(90))) {
                            endDate.set(text(post.plannedEndDate()));
                        }
                        ready.set(true);
                    }
                    then.run();
                })
                .onFailure(this::fail));
    }

    public Post post() {
        return post;
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public void save(Consumer<Post> done) {
        errors().clear();
        if (post == null) {
            errors().put(GENERAL, Messages.tr("form.error.stale"));
            return;
        }
        Optional<LocalDate> end = date("endDate", endDate.get(), true);
        if (reason.get() == null) errors().put("endReason", Messages.tr("error.required"));
        Optional<LocalDate> sk = Optional.empty();
        Optional<LocalDate> start = Optional.empty();
        if (appointSuccessor.get()) {
            sk = date("skDate", skDate.get(), false);
            start = date("startDate", startDate.get(), false);
            Nik.Check c = Nik.check(successorNik.get(), roster.today());
            if (!c.valid()) errors().put("nik", Messages.tr("nik." + c.problem().name()));
        }
        if (!errors().isEmpty()) return;
        busyProperty().set(true);
        final LocalDate e = end.get();
        final EndReason r = reason.get();
        final int version = post.version();
        BackgroundTask<Post> t;
        if (!appointSuccessor.get()) {
            t = BackgroundTask.of(Messages.tr("endTerm.saving"), x -> undoable("undo.what.endTerm", null, () -> roster.endTerm(postId, version, e, r)));
        } else {
            final String nik = successorNik.get().strip();
            final String sn = skNumber.get();
            final LocalDate sd = sk.orElse(null);
            final LocalDate st = start.orElse(null);
            final RosterService.NewPerson np = new RosterService.NewPerson(nik, successorName.get(), successorSex.get(),
                    Nik.birthDate(nik, roster.today()).orElse(null), null, null, null,
                    EmploymentStatus.NON_ASN, post.villageCode());
            final UUID outgoing = post.personId();
            t = BackgroundTask.of(Messages.tr("endTerm.saving"), x -> {
                List<Person> existing = roster.findByNik(nik);
                Post next = undoable("undo.what.endTerm", null, () -> !existing.isEmpty()
                        ? roster.endAndAppoint(postId, version, e, r, existing.getFirst().id(), sn, sd, st)
                        : roster.endAndAppointNew(postId, version, e, r, np, sn, sd, st));
                offer = enrolments == null ? null : offerFor(outgoing, next);
                return next;
            });
        }
        tasks.execute(t.onSuccess(p -> {
            busyProperty().set(false);
            done.accept(p);
        }).onFailure(this::fail));
    }

    /**
     * The successor's enrolment on the outgoing holder's terms (their enrolment tied to this post, else the one
     * they had), unless the outgoing holder was not enrolled, or the successor is already enrolled (active or
     * registered) or cannot be (ASN/PPPK).
     */
    private SuccessorOffer offerFor(UUID outgoing, Post next) {
        Person successor = roster.person(next.personId()).orElse(null);
        if (successor == null || !successor.enrollable()) return null;
        LocalDate today = roster.today();
        for (var en : enrolments.enrolmentsOf(successor.id())) {
            var s = enrolments.stateOn(en.id(), today).orElse(null);
            if (s == id.lindungdesa.domain.EnrolmentState.ACTIVE
                    || s == id.lindungdesa.domain.EnrolmentState.REGISTERED) {
                return null;
            }
        }
        var theirs = enrolments.enrolmentsOf(outgoing);
        var template = theirs.stream().filter(en -> postId.equals(en.postId())).findFirst()
                .or(() -> theirs.stream().reduce((a, b) -> b)).orElse(null);
        if (template == null) return null; // the predecessor was not enrolled: no terms to carry over
        return new SuccessorOffer(successor.id(), next.id(), next.position(), successor.fullName(), template);
    }

    @Override
    protected String field(String serviceField) {
        return switch (serviceField) {
            case "fullName" -> "successorName";
            case "sex" -> "successorSex";
            default -> serviceField;
        };
    }

    // ------------------------------------------------------------------ undo (issue 13)

    private id.lindungdesa.service.RosterUndo undo;
    private String who;

    /** Saves through {@code undo}, so that Ctrl+Z takes the change back; {@code who} names the person. */
    public EndTermDialogModel recordingIn(id.lindungdesa.service.RosterUndo undo, String who) {
        this.undo = undo;
        this.who = who;
        return this;
    }

    private <T> T undoable(String what, String name, java.util.function.Supplier<T> change) {
        if (undo == null) return change.get();
        return undo.record(id.lindungdesa.i18n.Text.of(what, name == null || name.isBlank() ? who : name), change);
    }
}
