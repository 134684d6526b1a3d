package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.FormModel;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A post (term of office): village, position, unit, SK number and date, start and planned end. */
public final class PostDialogModel extends FormModel {
    private final RosterService roster;
    private final TaskExecutor tasks;
    private final Post editing;
    private final UUID personId;

    public final ObjectProperty<String> village = new SimpleObjectProperty<>();
    public final ObjectProperty<Position> position = new SimpleObjectProperty<>();
    public final StringProperty unit = new SimpleStringProperty("");
    public final StringProperty skNumber = new SimpleStringProperty("");
    public final StringProperty skDate = new SimpleStringProperty("");
    public final StringProperty startDate = new SimpleStringProperty("");
    public final StringProperty plannedEnd = new SimpleStringProperty("");

    static PostDialogModel forNew(RosterService roster, TaskExecutor tasks, String villageCode) {
        return new PostDialogModel(roster, tasks, null, null, villageCode);
    }

    /** A new post for an existing person. */
    public static PostDialogModel appoint(RosterService roster, TaskExecutor tasks, UUID personId, String villageCode) {
        return new PostDialogModel(roster, tasks, null, personId, villageCode);
    }

    public static PostDialogModel edit(RosterService roster, TaskExecutor tasks, Post post) {
        return new PostDialogModel(roster, tasks, post, post.personId(), post.villageCode());
    }

    private PostDialogModel(RosterService roster, TaskExecutor tasks, Post editing, UUID personId, String villageCode) {
        this.roster = roster;
        this.tasks = tasks;
        this.editing = editing;
        this.personId = personId;
        village.set(villageCode);
        if (editing != null) {
            position.set(editing.position());
            unit.set(editing.unitLabel() == null ? "" : editing.unitLabel());
            skNumber.set(editing.skNumber() == null ? "" : editing.skNumber());
            skDate.set(text(editing.skDate()));
            startDate.set(text(editing.startDate()));
            plannedEnd.set(text(editing.plannedEndDate()));
        } else {
            startDate.set(text(roster.today()));
        }
    }

    public boolean isNew() {
        return editing == null;
    }

    /** The input for the service, or empty with the errors shown. */
    Optional<RosterService.NewPost> input(UUID person) {
        errors().clear();
        Optional<LocalDate> sk = date("skDate", skDate.get(), false);
        Optional<LocalDate> start = date("startDate", startDate.get(), true);
        Optional<LocalDate> end = date("plannedEndDate", plannedEnd.get(), false);
        if (position.get() == null) errors().put("position", Messages.tr("error.required"));
        if (village.get() == null) errors().put("village", Messages.tr("post.error.village"));
        if (!errors().isEmpty()) return Optional.empty();
        return Optional.of(new RosterService.NewPost(person, village.get(), position.get(), unit.get(),
                skNumber.get(), sk.orElse(null), start.orElse(null), end.orElse(null)));
    }

    /** Saves a new post of the person or the edited post. */
    public void save(Consumer<Post> done) {
        Optional<RosterService.NewPost> in = input(personId);
        if (in.isEmpty()) return;
        RosterService.NewPost p = in.get();
        busyProperty().set(true);
        BackgroundTask<Post> t;
        if (editing == null) {
            t = BackgroundTask.of(Messages.tr("person.saving"), x -> undoable("undo.what.addPost", null, () -> roster.appoint(p)));
        } else {
            Post changed = new Post(editing.id(), editing.version(), editing.personId(), p.villageCode(), p.position(),
                    p.unitLabel(), p.skNumber(), p.skDate(), p.startDate(), p.plannedEndDate(), editing.endDate(),
                    editing.endReason());
            t = BackgroundTask.of(Messages.tr("person.saving"), x -> undoable("undo.what.editPost", null, () -> roster.updatePost(changed)));
        }
        tasks.execute(t.onSuccess(saved -> {
            busyProperty().set(false);
            done.accept(saved);
        }).onFailure(this::fail));
    }

    // ------------------------------------------------------------------ undo (issue 13)

    private id.lindungdesa.service.RosterUndo undo;
    private String who;

    /** Saves through {@code undo}, so that Ctrl+Z takes the change back; {@code who} names the person. */
    public PostDialogModel recordingIn(id.lindungdesa.service.RosterUndo undo, String who) {
        this.undo = undo;
        this.who = who;
        return this;
    }

    private <T> T undoable(String what, String name, java.util.function.Supplier<T> change) {
        if (undo == null) return change.get();
        return undo.record(id.lindungdesa.i18n.Text.of(what, name == null || name.isBlank() ? who : name), change);
    }
}
