package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.EnrolmentService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.FormModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * A new BPJS Ketenagakerjaan enrolment for a person (tied to a post). The monthly contribution is recomputed as
 * the user types, from rates loaded once in the background. ASN and PPPK are refused with the reason shown.
 */
public final class EnrolmentDialogModel extends FormModel {
    private final EnrolmentService enrolments;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final UUID personId;
    private final UUID postId;
    private final Position position;
    private final LocalDate today;
    private List<ContributionRate> rates;
    private Enrolment editing;

    public final StringProperty kpj = new SimpleStringProperty("");
    public final ObjectProperty<Segment> segment = new SimpleObjectProperty<>(Segment.PU);
    public final Map<Programme, BooleanProperty> programmes = new EnumMap<>(Programme.class);
    public final ObjectProperty<Integer> riskClass = new SimpleObjectProperty<>(1);
    public final StringProperty wage = new SimpleStringProperty("");
    public final ObjectProperty<FundingSource> funding = new SimpleObjectProperty<>(FundingSource.APBD);
    public final ObjectProperty<EnrolmentState> state = new SimpleObjectProperty<>(EnrolmentState.ACTIVE);
    public final StringProperty effectiveDate = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper monthly = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final BooleanProperty ready = new SimpleBooleanProperty();

    public EnrolmentDialogModel(RosterService roster, EnrolmentService enrolments, Clock clock, TaskExecutor tasks,
                                UUID personId, UUID postId, Position position, EmploymentStatus employment) {
        this.enrolments = enrolments;
        this.clock = clock;
        this.tasks = tasks;
        this.personId = personId;
        this.postId = postId;
        this.position = position;
        this.today = roster.today();
        for (Programme p : Programme.values()) {
            programmes.put(p, new SimpleBooleanProperty(p == Programme.JKK || p == Programme.JKM));
        }
        effectiveDate.set(text(today));
        if (employment != null && employment != EmploymentStatus.NON_ASN) {
            refusal.set(Messages.tr("enrolment.error.asn", employment));
        }
        ChangeListener<Object> recompute = (o, a, b) -> recompute();
        segment.addListener(recompute);
        riskClass.addListener(recompute);
        wage.addListener(recompute);
        programmes.values().forEach(p -> p.addListener(recompute));
    }

    /** A form editing an existing enrolment's details (its status changes through a status step). */
    public static EnrolmentDialogModel edit(RosterService roster, EnrolmentService enrolments, Clock clock,
                                            TaskExecutor tasks, Enrolment e, Position position,
                                            EmploymentStatus employment) {
        EnrolmentDialogModel f = new EnrolmentDialogModel(roster, enrolments, clock, tasks, e.personId(), e.postId(),
                position, employment);
        f.editing = e;
        f.kpj.set(e.kpj() == null ? "" : e.kpj());
        f.segment.set(e.segment());
        f.programmes.forEach((p, b) -> b.set(e.programmes().contains(p)));
        f.riskClass.set(e.jkkRiskClass());
        f.wage.set(Long.toString(e.wageBase()));
        f.funding.set(e.fundingSource());
        return f;
    }

    public boolean isNew() {
        return editing == null;
    }

    /** Loads the rates and the default wage base for the post (background), then computes the contribution. */
    public void load() {
        record Loaded(List<ContributionRate> rates, Optional<Long> wage) {
        }
        tasks.execute(BackgroundTask.<Loaded>of(Messages.tr("enrolment.loading"), p -> new Loaded(
                        enrolments.rates(),
                        position == null ? Optional.empty() : enrolments.defaultWageBase(position, today)))
                .onSuccess(l -> {
                    rates = l.rates();
                    if (wage.get().isBlank()) l.wage().ifPresent(w -> wage.set(Long.toString(w)));
                    ready.set(true);
                    recompute();
                })
                .onFailure(this::fail));
    }

    private void recompute() {
        if (rates == null) return;
        Optional<Long> w = parseWage(wage.get());
        Set<Programme> chosen = chosen();
        if (w.isEmpty() || w.get() <= 0 || chosen.isEmpty()) {
            monthly.set("");
            return;
        }
        try {
            var b = Contribution.monthly(rates, segment.get(), chosen, riskClass.get() == null ? 1 : riskClass.get(),
                    w.get(), LocalDate.now(clock));
            monthly.set(Formats.rupiah(b.total()));
        } catch (Contribution.MissingRateException e) {
            monthly.set(Messages.tr("enrolment.noRate"));
        }
    }

    Set<Programme> chosen() {
        Set<Programme> s = EnumSet.noneOf(Programme.class);
        programmes.forEach((p, b) -> {
            if (b.get()) s.add(p);
        });
        return s;
    }

    /** A rupiah amount as typed ("Rp2.022.200", "2022200"), read by {@link id.lindungdesa.domain.Money}. */
    static Optional<Long> parseWage(String s) {
        return id.lindungdesa.domain.Money.tryParse(s);
    }

    /** The monthly contribution in rupiah ("Rp16.200"), or empty while it cannot be computed. */
    public ReadOnlyStringProperty monthlyProperty() {
        return monthly.getReadOnlyProperty();
    }

    /** Why this person cannot be enrolled (ASN/PPPK), or empty. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public BooleanProperty readyProperty() {
        return ready;
    }

    public void save(Consumer<Enrolment> done) {
        errors().clear();
        if (!refusal.get().isEmpty()) {
            errors().put(GENERAL, refusal.get());
            return;
        }
        Optional<LocalDate> eff = date("effectiveDate", effectiveDate.get(), true);
        Optional<Long> w = parseWage(wage.get());
        if (w.isEmpty()) errors().put("wageBase", Messages.tr("enrolment.error.wage"));
        if (!errors().isEmpty()) return;
        var in = new EnrolmentService.NewEnrolment(personId, postId, kpj.get(), segment.get(), chosen(),
                riskClass.get() == null ? 1 : riskClass.get(), w.get(), funding.get(), state.get(), eff.get());
        busyProperty().set(true);
        Enrolment changed = editing == null ? null : new Enrolment(editing.id(), editing.version(), editing.personId(),
                editing.postId(), in.kpj() == null || in.kpj().isBlank() ? null : in.kpj().strip(), in.segment(),
                in.programmes(), in.jkkRiskClass(), in.wageBase(), in.fundingSource());
        tasks.execute(BackgroundTask.<Enrolment>of(Messages.tr("enrolment.saving"),
                        x -> changed == null ? enrolments.enrol(in) : enrolments.update(changed))
                .onSuccess(e -> {
                    busyProperty().set(false);
                    done.accept(e);
                })
                .onFailure(e -> {
                    fail(e);
                    if (errors().containsKey("person")) errors().put(GENERAL, errors().remove("person"));
                }));
    }
}
