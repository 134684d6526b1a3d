package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.FormModel;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A person's details, and for a new person the post they are appointed to (saved together in one transaction).
 * A NIK already on a roster is shown with its holder and villages ({@link #duplicateProperty()}), and the post can
 * be added to that person instead ({@link #addPostToExisting}).
 */
public final class PersonDialogModel extends FormModel {
    private final RosterService roster;
    private final TaskExecutor tasks;
    private final Person editing;

    public final StringProperty nik = new SimpleStringProperty("");
    public final StringProperty fullName = new SimpleStringProperty("");
    public final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    public final StringProperty birthDate = new SimpleStringProperty("");
    public final StringProperty birthPlace = new SimpleStringProperty("");
    public final StringProperty nkk = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");
    public final ObjectProperty<EmploymentStatus> employment = new SimpleObjectProperty<>(EmploymentStatus.NON_ASN);
    /** The post of a new person. */
    public final PostDialogModel post;
    private final ObjectProperty<RosterService.DuplicateNikException.Holder> duplicate = new SimpleObjectProperty<>();

    /** A form for a new person appointed in {@code villageCode} (may be null). */
    public static PersonDialogModel create(RosterService roster, TaskExecutor tasks, String villageCode) {
        return new PersonDialogModel(roster, tasks, null, villageCode);
    }

    /** A form editing {@code person}. */
    public static PersonDialogModel edit(RosterService roster, TaskExecutor tasks, Person person) {
        return new PersonDialogModel(roster, tasks, person, null);
    }

    private PersonDialogModel(RosterService roster, TaskExecutor tasks, Person editing, String villageCode) {
        this.roster = roster;
        this.tasks = tasks;
        this.editing = editing;
        this.post = editing == null ? PostDialogModel.forNew(roster, tasks, villageCode) : null;
        if (editing != null) {
            nik.set(editing.nik());
            fullName.set(editing.fullName());
            sex.set(editing.sex());
            birthDate.set(text(editing.birthDate()));
            birthPlace.set(nz(editing.birthPlace()));
            nkk.set(nz(editing.nkk()));
            phone.set(nz(editing.phone()));
            employment.set(editing.employmentStatus());
        }
        // Birth date and sex that agree with the stored NIK count as filled from it: correcting the NIK refills them.
        if (editing != null) {
            Nik.Check stored = Nik.check(editing.nik(), roster.today());
            if (stored.valid()) {
                if (birthDate.get().equals(text(stored.birthDate()))) filledBirthDate = birthDate.get();
                if (sex.get() != null && sex.get() == stored.sex()) filledSex = sex.get();
            }
        }
        // A valid NIK fills in birth date and sex when they are empty or were filled from an earlier NIK; what the
        // clerk typed by hand stays.
        nik.addListener((o, a, b) -> {
            errors().remove("nik");
            duplicate.set(null);
            Nik.Check c = Nik.check(b, roster.today());
            if (c.valid()) {
                if (birthDate.get().isBlank() || birthDate.get().equals(filledBirthDate)) {
                    filledBirthDate = text(c.birthDate());
                    birthDate.set(filledBirthDate);
                }
                if (sex.get() == null || sex.get() == filledSex) {
                    filledSex = c.sex();
                    sex.set(filledSex);
                }
            }
        });
    }

    /** The birth date text last filled from a NIK (null when none, or once the clerk typed another). */
    private String filledBirthDate;
    /** The sex last filled from a NIK. */
    private Sex filledSex;

    /** True while the birth date shown is the one read from the NIK (the clerk has not typed another). */
    public boolean birthDateFromNik() {
        return filledBirthDate != null && filledBirthDate.equals(birthDate.get());
    }

    /** True while the sex shown is the one read from the NIK. */
    public boolean sexFromNik() {
        return filledSex != null && filledSex == sex.get();
    }

    public boolean isNew() {
        return editing == null;
    }

    public Person editing() {
        return editing;
    }

    /** Someone already on a roster with the NIK typed, or null. */
    public ObjectProperty<RosterService.DuplicateNikException.Holder> duplicateProperty() {
        return duplicate;
    }

    /** Text shown for a duplicate NIK: the existing holder and their villages. */
    public String duplicateText() {
        var h = duplicate.get();
        if (h == null) return "";
        return Messages.tr("person.duplicateNik", h.person().nik(), h.person().fullName(),
                h.villages().isEmpty() ? "—" : String.join(", ", h.villages()));
    }

    Optional<RosterService.NewPerson> input() {
        errors().clear();
        Optional<LocalDate> birth = date("birthDate", birthDate.get(), false);
        if (!errors().isEmpty()) return Optional.empty();
        String home = editing != null ? editing.homeVillageCode() : post.village.get();
        return Optional.of(new RosterService.NewPerson(nik.get() == null ? "" : nik.get().strip(), fullName.get(),
                sex.get(), birth.orElse(null), birthPlace.get(), nkk.get(), phone.get(), employment.get(), home));
    }

    /** Saves (in the background); {@code done} gets the saved person's id. */
    public void save(Consumer<java.util.UUID> done) {
        Optional<RosterService.NewPerson> in = input();
        Optional<RosterService.NewPost> p = post == null ? Optional.empty() : post.input(null);
        if (post != null) post.errors().forEach((k, v) -> errors().putIfAbsent(k, v));
        // Check every field before anything runs (the service's checks need no database), so the user sees all
        // problems at once, not the post's first and the person's after.
        if (in.isPresent()) show(roster.validate(in.get()));
        if (p.isPresent()) show(roster.validate(new RosterService.NewPost(java.util.UUID.randomUUID(),
                p.get().villageCode(), p.get().position(), p.get().unitLabel(), p.get().skNumber(), p.get().skDate(),
                p.get().startDate(), p.get().plannedEndDate())));
        if (in.isEmpty() || (post != null && p.isEmpty()) || !errors().isEmpty()) return;
        RosterService.NewPerson np = in.get();
        busyProperty().set(true);
        if (editing == null) {
            tasks.execute(BackgroundTask.<Post>of(Messages.tr("person.saving"),
                            x -> undoable("undo.what.newPerson", np.fullName(), () -> roster.addPersonAndAppoint(np, p.get())))
                    .onSuccess(saved -> {
                        busyProperty().set(false);
                        done.accept(saved.personId());
                    })
                    .onFailure(this::failed));
        } else {
            Person changed = new Person(editing.id(), editing.version(), np.nik(), np.fullName() == null ? null
                    : np.fullName().strip(), np.sex(), np.birthDate(), blank(np.birthPlace()), blank(np.nkk()),
                    blank(np.phone()), np.employmentStatus(), editing.homeVillageCode());
            tasks.execute(BackgroundTask.<Person>of(Messages.tr("person.saving"),
                            x -> undoable("undo.what.editPerson", changed.fullName(), () -> roster.updatePerson(changed)))
                    .onSuccess(saved -> {
                        busyProperty().set(false);
                        done.accept(saved.id());
                    })
                    .onFailure(this::failed));
        }
    }

    /** After a duplicate NIK: appoints the existing holder to this form's post instead of making a new person. */
    public void addPostToExisting(Consumer<java.util.UUID> done) {
        var h = duplicate.get();
        if (h == null || post == null) return;
        Optional<RosterService.NewPost> p = post.input(h.person().id());
        if (p.isEmpty()) {
            post.errors().forEach((k, v) -> errors().put(k, v));
            return;
        }
        busyProperty().set(true);
        tasks.execute(BackgroundTask.<Post>of(Messages.tr("person.saving"), x -> undoable("undo.what.addPost", h.person().fullName(), () -> roster.appoint(p.get())))
                .onSuccess(saved -> {
                    busyProperty().set(false);
                    done.accept(saved.personId());
                })
                .onFailure(this::failed));
    }

    private void show(java.util.List<id.lindungdesa.service.ValidationException.FieldError> list) {
        for (var f : list) errors().putIfAbsent(field(f.field()), Messages.tr(f.key(), f.args().toArray()));
    }

    private void failed(Throwable e) {
        if (e instanceof RosterService.DuplicateNikException d) {
            busyProperty().set(false);
            duplicate.set(d.holders().getFirst());
            errors().put("nik", duplicateText());
        } else {
            fail(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Positions offered for a village type (kelurahan have no kepala desa, perangkat or BPD). */
    static Position[] positions() {
        return Position.values();
    }

    // ------------------------------------------------------------------ undo (issue 13)

    private id.lindungdesa.service.RosterUndo undo;
    private String who;

    /** Saves through {@code undo}, so that Ctrl+Z takes the change back; {@code who} names the person. */
    public PersonDialogModel recordingIn(id.lindungdesa.service.RosterUndo undo, String who) {
        this.undo = undo;
        this.who = who;
        return this;
    }

    private <T> T undoable(String what, String name, java.util.function.Supplier<T> change) {
        if (undo == null) return change.get();
        return undo.record(id.lindungdesa.i18n.Text.of(what, name == null || name.isBlank() ? who : name), change);
    }
}
