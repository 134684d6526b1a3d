package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.FormModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Ends the expired terms of one village together under one SK (issue 13 item 9), typically its BPD: every line is
 * ticked, each ends on its planned end unless one date is typed, and a successor can be given by NIK (someone on a
 * roster is appointed as they are; a new NIK with a name makes a new person, sex and birth date from the NIK).
 */
public final class EndTogetherDialogModel extends FormModel {
    /** One term to end: ticked or not, and its successor's NIK and name (both blank: no successor). */
    public record Line(RosterRow row, BooleanProperty include, StringProperty nik, StringProperty name) {
    }

    private final RosterService roster;
    private final TaskExecutor tasks;
    private final List<Line> lines = new ArrayList<>();
    public final StringProperty endDate = new SimpleStringProperty("");
    public final StringProperty skNumber = new SimpleStringProperty("");
    public final StringProperty skDate = new SimpleStringProperty("");
    public final StringProperty startDate = new SimpleStringProperty("");

    public EndTogetherDialogModel(RosterService roster, TaskExecutor tasks, List<RosterRow> rows) {
        this.roster = roster;
        this.tasks = tasks;
        for (RosterRow r : rows) {
            lines.add(new Line(r, new SimpleBooleanProperty(true), new SimpleStringProperty(""),
                    new SimpleStringProperty("")));
        }
    }

    /** The expired terms (planned end on or before {@code on}, not closed) of a village, in roster order. */
    public static List<RosterRow> expired(List<RosterRow> rows, String village, LocalDate on) {
        return rows.stream().filter(r -> r.villageCode().equals(village) && r.plannedEndDate() != null
                && !r.plannedEndDate().isAfter(on)).toList();
    }

    public List<Line> lines() {
        return lines;
    }

    public void save(Consumer<List<Post>> done) {
        errors().clear();
        Optional<LocalDate> end = date("endDate", endDate.get(), false);
        Optional<LocalDate> sk = date("skDate", skDate.get(), false);
        Optional<LocalDate> start = date("startDate", startDate.get(), false);
        List<Line> chosen = lines.stream().filter(l -> l.include().get()).toList();
        if (chosen.isEmpty()) errors().put(GENERAL, Messages.tr("roster.s6.together.none"));
        LocalDate today = roster.today();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.include().get() || l.nik().get().isBlank()) continue;
            Nik.Check c = Nik.check(l.nik().get(), today);
            if (!c.valid()) errors().put("nik" + i, Messages.tr("nik." + c.problem().name()));
        }
        if (!errors().isEmpty()) return;
        busyProperty().set(true);
        String number = skNumber.get();
        LocalDate e = end.orElse(null);
        LocalDate d = sk.orElse(null);
        LocalDate s = start.orElse(null);
        tasks.execute(BackgroundTask.<List<Post>>of(Messages.tr("endTerm.saving"), p -> {
            List<RosterService.JointEnd> ends = new ArrayList<>();
            for (Line l : chosen) {
                Post post = roster.post(l.row().postId()).orElseThrow(() -> new IllegalStateException(
                        Messages.tr("form.error.stale")));
                String nik = l.nik().get().strip();
                if (nik.isEmpty()) {
                    ends.add(new RosterService.JointEnd(post.id(), post.version(), null, null));
                    continue;
                }
                List<Person> existing = roster.findByNik(nik);
                if (!existing.isEmpty()) {
                    ends.add(new RosterService.JointEnd(post.id(), post.version(), existing.getFirst().id(), null));
                } else {
                    Nik.Check c = Nik.check(nik, today);
                    ends.add(new RosterService.JointEnd(post.id(), post.version(), null,
                            new RosterService.NewPerson(nik, l.name().get(), c.sex(),
                                    Nik.birthDate(nik, today).orElse(null), null, null, null,
                                    EmploymentStatus.NON_ASN, post.villageCode())));
                }
            }
            return roster.endTogether(ends, e, EndReason.TERM_ENDED, number, d, s);
        }).onSuccess(r -> {
            busyProperty().set(false);
            done.accept(r);
        }).onFailure(this::fail));
    }
}
