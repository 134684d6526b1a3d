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
    /** Where the defaults came from: the PKS in force, or why none covers the post (issue 13). */
    private final ReadOnlyStringWrapper defaultsNote = new ReadOnlyStringWrapper("");
    /**
     * Set when the contribution computed from the wage differs from the monthly amount the PKS in force states for
     * the category (e.g. a PKS of Rp16.200 where the perangkat's wage gives Rp10.920): the clerk checks the wage.
     */
    private final ReadOnlyStringWrapper contributionNote = new ReadOnlyStringWrapper("");
    /** The monthly contribution the PKS in force states, with its number; null when it states none. */
    private Long agreedMonthly;
    private String agreedNumber;
    /** Set when saving needs the clerk's confirmation (no PKS in force covers it), with the reason; else empty. */
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
    private Consumer<Enrolment> pendingDone;
    /** A successor's enrolment: starts on the post's start date. */
    private boolean successor;
    /** The terms to copy (the predecessor's enrolment), or null for the PKS defaults. */
    private Enrolment template;
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

    /**
     * A successor's enrolment on the same terms as the predecessor's ({@code predecessor} may be null: then the PKS
     * defaults), starting on the post's start date.
     */
    public static EnrolmentDialogModel forSuccessor(RosterService roster, EnrolmentService enrolments, Clock clock,
                                                    TaskExecutor tasks, UUID personId, UUID postId,
                                                    Position position, Enrolment predecessor) {
        EnrolmentDialogModel f = new EnrolmentDialogModel(roster, enrolments, clock, tasks, personId, postId,
                position, EmploymentStatus.NON_ASN);
        f.successor = true;
        f.template = predecessor;
        return f;
    }

    public boolean isNew() {
        return editing == null;
    }

    /** Where the defaults came from (the PKS and its terms), or why no PKS covers the post. */
    public ReadOnlyStringProperty contributionNoteProperty() {
        return contributionNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultsNoteProperty() {
        return defaultsNote.getReadOnlyProperty();
    }

    /** The question to ask before saving (why no PKS covers this enrolment), or empty. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** The clerk confirmed saving an enrolment no PKS covers: saves it. */
    public void confirmUncovered() {
        Consumer<Enrolment> done = pendingDone;
        confirmation.set("");
        pendingDone = null;
        if (done != null) save(done, true);
    }

    /** The clerk declined: nothing is saved, the form stays open. */
    public void cancelUncovered() {
        confirmation.set("");
        pendingDone = null;
    }

    /** Loads the rates and the default wage base for the post (background), then computes the contribution. */
    public void load() {
        record Loaded(List<ContributionRate> rates, Optional<Long> wage, EnrolmentService.Defaults defaults) {
        }
        boolean fresh = editing == null;
        tasks.execute(BackgroundTask.<Loaded>of(Messages.tr("enrolment.loading"), p -> new Loaded(
                        enrolments.rates(),
                        position == null ? Optional.empty() : enrolments.defaultWageBase(position, today),
                        fresh && (position != null || postId != null)
                                ? enrolments.defaults(postId, position, successor) : null))
                .onSuccess(l -> {
                    rates = l.rates();
                    if (l.defaults() != null) applyDefaults(l.defaults());
                    if (wage.get().isBlank()) l.wage().ifPresent(w -> wage.set(Long.toString(w)));
                    ready.set(true);
                    recompute();
                })
                .onFailure(this::fail));
    }

    /** A new enrolment's fields from the PKS in force (or the predecessor's terms for a successor). */
    private void applyDefaults(EnrolmentService.Defaults d) {
        effectiveDate.set(text(d.startDate()));
        if (template != null) {
            segment.set(template.segment());
            programmes.forEach((p, b) -> b.set(template.programmes().contains(p)));
            riskClass.set(template.jkkRiskClass());
            wage.set(Long.toString(template.wageBase()));
            funding.set(template.fundingSource());
        } else {
            segment.set(d.segment());
            programmes.forEach((p, b) -> b.set(d.programmes().contains(p)));
            funding.set(d.fundingSource());
            if (d.wageBase() != null) wage.set(Long.toString(d.wageBase()));
        }
        Position pos = position;
        agreedMonthly = d.fromAgreement() ? d.monthlyContribution() : null;
        agreedNumber = d.agreementNumber();
        if (d.fromAgreement()) {
            defaultsNote.set(Messages.tr("enrolment.defaults.fromAgreement", d.agreementNumber(), d.fundingSource(),
                    String.join("+", d.programmes().stream().map(Enum::name).toList()),
                    d.wageBase() == null ? "—" : Formats.rupiah(d.wageBase()),
                    d.monthlyContribution() == null ? ""
                            : Messages.tr("enrolment.defaults.contribution", Formats.rupiah(d.monthlyContribution()))));
        } else if (pos != null) {
            defaultsNote.set(Messages.tr("enrolment.defaults.noAgreement", pos.category(), d.startDate()));
        }
    }

    private void recompute() {
        if (rates == null) return;
        Optional<Long> w = parseWage(wage.get());
        Set<Programme> chosen = chosen();
        contributionNote.set("");
        if (w.isEmpty() || w.get() <= 0 || chosen.isEmpty()) {
            monthly.set("");
            return;
        }
        try {
            var b = Contribution.monthly(rates, segment.get(), chosen, riskClass.get() == null ? 1 : riskClass.get(),
                    w.get(), LocalDate.now(clock));
            monthly.set(Formats.rupiah(b.total()));
            if (agreedMonthly != null && agreedMonthly != b.total()) {
                contributionNote.set(Messages.tr("enrolment.contributionDiffers", Formats.rupiah(b.total()),
                        Formats.rupiah(w.get()), agreedNumber, Formats.rupiah(agreedMonthly)));
            }
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
        save(done, false);
    }

    private void save(Consumer<Enrolment> done, boolean uncoveredConfirmed) {
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
                        x -> undoable("undo.what.enrol", null, () -> changed == null ? enrolments.enrol(in, uncoveredConfirmed)
                                : enrolments.update(changed)))
                .onSuccess(e -> {
                    busyProperty().set(false);
                    done.accept(e);
                })
                .onFailure(e -> {
                    if (e instanceof EnrolmentService.NotCoveredException nc) {
                        busyProperty().set(false);
                        pendingDone = done;
                        confirmation.set(nc.getMessage());
                        return;
                    }
                    fail(e);
                    if (errors().containsKey("person")) errors().put(GENERAL, errors().remove("person"));
                }));
    }

    // ------------------------------------------------------------------ undo (issue 13)

    private id.lindungdesa.service.RosterUndo undo;
    private String who;

    /** Saves through {@code undo}, so that Ctrl+Z takes the change back; {@code who} names the person. */
    public EnrolmentDialogModel recordingIn(id.lindungdesa.service.RosterUndo undo, String who) {
        this.undo = undo;
        this.who = who;
        return this;
    }

    private <T> T undoable(String what, String name, java.util.function.Supplier<T> change) {
        if (undo == null) return change.get();
        return undo.record(id.lindungdesa.i18n.Text.of(what, name == null || name.isBlank() ? who : name), change);
    }
}
