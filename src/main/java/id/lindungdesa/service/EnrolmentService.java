package id.lindungdesa.service;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.WageBaseDefault;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.persistence.AgreementRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** BPJS Ketenagakerjaan enrolments: KPJ, segment, programmes, wage base, funding and a dated status history. */
public final class EnrolmentService {
    private final Database db;
    private final EnrolmentRepository repo;
    private final PersonRepository people;
    private final PostRepository posts;
    private final RateRepository rates;
    private final Clock clock;
    private final AuditLog audit;
    private final AgreementRepository agreements = new AgreementRepository();

    public EnrolmentService(Database db, EnrolmentRepository repo, PersonRepository people, PostRepository posts,
                            RateRepository rates, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.people = people;
        this.posts = posts;
        this.rates = rates;
        this.clock = clock;
        this.audit = audit;
    }

    /** Input for a new enrolment; its first status is {@code state} from {@code effectiveDate}. */
    public record NewEnrolment(UUID personId, UUID postId, String kpj, Segment segment, Set<Programme> programmes,
                               int jkkRiskClass, long wageBase, FundingSource fundingSource, EnrolmentState state,
                               LocalDate effectiveDate) {
    }

    public List<ValidationException.FieldError> validate(NewEnrolment e) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (e.segment() == null) errors.add(ValidationException.FieldError.of("segment", "error.required"));
        if (e.programmes() == null || e.programmes().isEmpty()) {
            errors.add(ValidationException.FieldError.of("programmes", "enrolment.error.programmes"));
        } else if (!e.programmes().contains(Programme.JKK) || !e.programmes().contains(Programme.JKM)) {
            errors.add(ValidationException.FieldError.of("programmes", "enrolment.error.jkkJkm"));
        }
        if (e.segment() == Segment.BPU && e.programmes() != null && e.programmes().contains(Programme.JP)) {
            errors.add(ValidationException.FieldError.of("programmes", "enrolment.error.bpuJp"));
        }
        if (e.wageBase() <= 0) {
            errors.add(ValidationException.FieldError.of("wageBase", "enrolment.error.wage"));
        } else {
            LocalDate on = LocalDate.now(clock);
            id.lindungdesa.domain.Plausibility limits =
                    db.read(tx -> new id.lindungdesa.persistence.PlausibilityRepository().on(tx, on));
            if (!limits.wageOk(e.wageBase())) {
                errors.add(ValidationException.FieldError.of("wageBase", "enrolment.error.wageRange",
                        limits.wageMin(), limits.wageMax(), e.wageBase()));
            }
        }
        if (e.jkkRiskClass() < 1 || e.jkkRiskClass() > 5) {
            errors.add(ValidationException.FieldError.of("jkkRiskClass", "enrolment.error.risk"));
        }
        if (e.fundingSource() == null) errors.add(ValidationException.FieldError.of("fundingSource", "error.required"));
        if (e.kpj() != null && !e.kpj().isBlank() && !e.kpj().strip().matches("\\d{8,13}")) {
            errors.add(ValidationException.FieldError.of("kpj", "enrolment.error.kpj"));
        }
        if (e.state() == null) errors.add(ValidationException.FieldError.of("state", "error.required"));
        if (e.effectiveDate() == null) errors.add(ValidationException.FieldError.of("effectiveDate", "error.required"));
        return errors;
    }

    /** Enrols a person. ASN and PPPK are refused: Taspen covers them, not BPJS Ketenagakerjaan. */
    public Enrolment enrol(NewEnrolment input) {
        return enrol(input, true);
    }

    /**
     * Enrols a person; unless {@code uncoveredConfirmed}, an enrolment for a post that no PKS in force on its start
     * date covers (for the post's category, from the chosen funding source) is refused with
     * {@link NotCoveredException}, which says why: the form asks the clerk to confirm and saves again.
     */
    public Enrolment enrol(NewEnrolment input, boolean uncoveredConfirmed) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            if (!uncoveredConfirmed && input.postId() != null) {
                Optional<Post> post = posts.find(tx, input.postId());
                if (post.isPresent()) {
                    Optional<Text> why = uncovered(tx, post.get().position().category(), input.fundingSource(),
                            input.effectiveDate());
                    if (why.isPresent()) throw new NotCoveredException(why.get());
                }
            }
            Person p = people.find(tx, input.personId())
                    .orElseThrow(() -> RosterService.notFound("person", input.personId()));
            if (!p.enrollable()) {
                throw ValidationException.of("person", "enrolment.error.asn", p.employmentStatus());
            }
            String village = null;
            if (input.postId() != null) {
                Post post = posts.find(tx, input.postId())
                        .orElseThrow(() -> RosterService.notFound("post", input.postId()));
                village = post.villageCode();
            }
            Enrolment e = new Enrolment(UUID.randomUUID(), 1, p.id(), input.postId(),
                    RosterService.blankToNull(input.kpj()), input.segment(), input.programmes(), input.jkkRiskClass(),
                    input.wageBase(), input.fundingSource());
            OffsetDateTime now = OffsetDateTime.now(clock);
            repo.insert(tx, e, now);
            repo.addStatus(tx, new EnrolmentStatus(UUID.randomUUID(), e.id(), input.state(), input.effectiveDate(),
                    null, now, audit.actor()));
            audit.record(tx, "CREATE", "enrolment", e.id(), village, p.id(),
                    "Kepesertaan BPJS Ketenagakerjaan: " + p.fullName() + " (" + input.state().labelId() + ")", null, e);
            return e;
        });
    }

    public Enrolment update(Enrolment changed) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        NewEnrolment asInput = new NewEnrolment(changed.personId(), changed.postId(), changed.kpj(), changed.segment(),
                changed.programmes(), changed.jkkRiskClass(), changed.wageBase(), changed.fundingSource(),
                EnrolmentState.ACTIVE, LocalDate.now(clock));
        List<ValidationException.FieldError> errors = validate(asInput);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Enrolment before = repo.find(tx, changed.id())
                    .orElseThrow(() -> RosterService.notFound("enrolment", changed.id()));
            Enrolment after = repo.update(tx, changed, OffsetDateTime.now(clock));
            audit.record(tx, "UPDATE", "enrolment", after.id(), null, after.personId(), "Kepesertaan diubah",
                    before, after);
            return after;
        });
    }

    /** Adds a status step (e.g. ACTIVE from a date, LAPSED, ENDED). */
    public EnrolmentStatus changeStatus(UUID enrolmentId, EnrolmentState state, LocalDate effective, String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (state == null) throw ValidationException.of("state", "error.required");
        if (effective == null) throw ValidationException.of("effectiveDate", "error.required");
        return db.write(tx -> {
            Enrolment e = repo.find(tx, enrolmentId)
                    .orElseThrow(() -> RosterService.notFound("enrolment", enrolmentId));
            OffsetDateTime now = OffsetDateTime.now(clock);
            EnrolmentStatus s = new EnrolmentStatus(UUID.randomUUID(), enrolmentId, state, effective,
                    RosterService.blankToNull(note), now, audit.actor());
            repo.addStatus(tx, s);
            repo.touch(tx, enrolmentId, now);
            audit.record(tx, "UPDATE", "enrolment", enrolmentId, null, e.personId(),
                    "Status kepesertaan: " + state.labelId() + " sejak " + effective, null, s);
            return s;
        });
    }

    /**
     * Removes an enrolment entered by mistake (a tombstone with a reason, a new version); its status history stays.
     * An enrolment that simply ends gets a status step instead ({@link #changeStatus}).
     */
    public void remove(UUID enrolmentId, int version, String reason) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (reason == null || reason.isBlank()) throw ValidationException.of("reason", "error.required");
        db.writeVoid(tx -> {
            Enrolment before = repo.find(tx, enrolmentId)
                    .orElseThrow(() -> RosterService.notFound("enrolment", enrolmentId));
            repo.tombstone(tx, enrolmentId, version, reason.strip(), OffsetDateTime.now(clock));
            audit.record(tx, "DELETE", "enrolment", enrolmentId, null, before.personId(),
                    "Kepesertaan dihapus (" + reason.strip() + ")", before, null);
        });
    }

    public List<Enrolment> enrolmentsOf(UUID personId) {
        return db.read(tx -> repo.byPerson(tx, personId));
    }

    public List<EnrolmentStatus> history(UUID enrolmentId) {
        return db.read(tx -> repo.history(tx, enrolmentId));
    }

    public Optional<EnrolmentState> stateOn(UUID enrolmentId, LocalDate date) {
        EnrolmentState s = null;
        for (EnrolmentStatus st : history(enrolmentId)) {
            if (!st.effectiveDate().isAfter(date)) s = st.state();
        }
        return Optional.ofNullable(s);
    }

    /**
     * At a kecamatan officer's desk the dated rates are the district's, carried read-only by the field package
     * (issue 15): used for the contributions shown, never changed there.
     */
    private void refuseRatesAtOfficer() {
        boolean officer = db.read(tx -> new id.lindungdesa.persistence.OfficeRepository().find(tx))
                .map(o -> o.level() == id.lindungdesa.domain.OfficeLevel.SUBDISTRICT).orElse(false);
        if (officer) throw new LocalizedException("field.error.readOnlyAtOfficer");
    }

    public List<ContributionRate> rates() {
        return db.read(rates::rates);
    }

    public void addRate(ContributionRate r) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        refuseRatesAtOfficer();
        db.writeVoid(tx -> {
            rates.insertRate(tx, r);
            audit.record(tx, "CREATE", "contribution_rate", r.id(), null, null,
                    "Tarif iuran " + r.segment() + " " + r.programme() + " berlaku " + r.validFrom(), null, r);
        });
    }

    /**
     * Sets a dated contribution rate (a province, for its next reference pack; issue 18): the same segment,
     * programme, risk class and start date changes that row, any other date adds one. Exactly one of
     * {@code percent} (0 &lt; p &le; 100) and {@code flat} (&gt; 0); a risk class (1–5) only for JKK; amounts are whole
     * rupiah &gt; 0. Bad values are refused before anything is written. Returns the row as stored; {@code added}
     * tells whether it is new.
     */
    public record RateSet(id.lindungdesa.domain.ContributionRate rate, boolean added) {
    }

    public RateSet setRate(id.lindungdesa.domain.Segment segment, id.lindungdesa.domain.Programme programme,
                           Integer riskClass, LocalDate validFrom, java.math.BigDecimal percent, Long flat,
                           Long minimum, Long wageCap, String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK);
        if ((percent == null) == (flat == null)) throw ValidationException.of("percent", "rate.error.percentOrFlat");
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                || percent.scale() > 4)) {
            throw ValidationException.of("percent", "rate.error.percent", percent.toPlainString());
        }
        for (var a : java.util.List.of(java.util.Map.entry("--flat", java.util.Optional.ofNullable(flat)),
                java.util.Map.entry("--minimum", java.util.Optional.ofNullable(minimum)),
                java.util.Map.entry("--wage-cap", java.util.Optional.ofNullable(wageCap)))) {
            if (a.getValue().isPresent() && a.getValue().get() <= 0) {
                throw ValidationException.of(a.getKey(), "rate.error.amount", a.getKey(), a.getValue().get());
            }
        }
        if (wageCap != null && percent == null) throw ValidationException.of("--wage-cap", "rate.error.capFlat");
        if (riskClass != null && (programme != id.lindungdesa.domain.Programme.JKK || riskClass < 1
                || riskClass > 5)) {
            throw ValidationException.of("--risk-class", "rate.error.risk", riskClass);
        }
        if (validFrom == null) throw ValidationException.of("--from", "rate.error.from");
        String n = note == null || note.isBlank() ? null : note.strip();
        return db.write(tx -> {
            var ex = rates.rates(tx).stream().filter(h -> h.segment() == segment && h.programme() == programme
                    && java.util.Objects.equals(h.riskClass(), riskClass) && h.validFrom().equals(validFrom))
                    .findFirst();
            var row = new id.lindungdesa.domain.ContributionRate(ex.map(id.lindungdesa.domain.ContributionRate::id)
                    .orElseGet(java.util.UUID::randomUUID), segment, programme, riskClass, validFrom, percent, flat,
                    minimum, wageCap, n);
            if (ex.isPresent()) {
                rates.updateRate(tx, row);
                audit.record(tx, "UPDATE", "contribution_rate", row.id(), null, null, "Tarif iuran " + segment + " "
                        + programme + " berlaku " + validFrom + " diubah", ex.get(), row);
            } else {
                rates.insertRate(tx, row);
                audit.record(tx, "CREATE", "contribution_rate", row.id(), null, null, "Tarif iuran " + segment + " "
                        + programme + " berlaku " + validFrom, null, row);
            }
            return new RateSet(row, ex.isEmpty());
        });
    }

    /** As {@link #setRate}, for a wage base: category (and optionally one post of it), start date, Rp1–Rp1.000.000.000. */
    public record WageBaseSet(id.lindungdesa.domain.WageBaseDefault wageBase, boolean added) {
    }

    public WageBaseSet setWageBase(id.lindungdesa.domain.Category category, id.lindungdesa.domain.Position position,
                                   LocalDate validFrom, long amount, String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK);
        if (position != null && position.category() != category) {
            throw ValidationException.of("--position", "wagebase.error.position", position.name(), category.key());
        }
        if (amount < 1 || amount > 1_000_000_000L) {
            throw ValidationException.of("--amount", "wagebase.error.amount", amount);
        }
        if (validFrom == null) throw ValidationException.of("--from", "rate.error.from");
        String n = note == null || note.isBlank() ? null : note.strip();
        return db.write(tx -> {
            var ex = rates.wageBases(tx).stream().filter(h -> h.category() == category && h.position() == position
                    && h.validFrom().equals(validFrom)).findFirst();
            var row = new id.lindungdesa.domain.WageBaseDefault(ex.map(id.lindungdesa.domain.WageBaseDefault::id)
                    .orElseGet(java.util.UUID::randomUUID), category, position, validFrom, amount, n);
            if (ex.isPresent()) {
                rates.updateWageBase(tx, row);
                audit.record(tx, "UPDATE", "wage_base_default", row.id(), null, null, "Dasar upah " + category
                        + " berlaku " + validFrom + " diubah", ex.get(), row);
            } else {
                rates.insertWageBase(tx, row);
                audit.record(tx, "CREATE", "wage_base_default", row.id(), null, null, "Dasar upah " + category
                        + " berlaku " + validFrom, null, row);
            }
            return new WageBaseSet(row, ex.isEmpty());
        });
    }

    /** A dated default wage base (a province sets them for its reference packs, issue 18). */
    public void addWageBase(id.lindungdesa.domain.WageBaseDefault w) {
        audit.require(id.lindungdesa.domain.Role.CLERK);
        refuseRatesAtOfficer();
        db.writeVoid(tx -> {
            rates.insertWageBase(tx, w);
            audit.record(tx, "CREATE", "wage_base_default", w.id(), null, null,
                    "Dasar upah " + w.category() + " berlaku " + w.validFrom(), null, w);
        });
    }

    public Contribution.Breakdown monthly(Enrolment e, LocalDate on) {
        return Contribution.monthly(rates(), e.segment(), e.programmes(), e.jkkRiskClass(), e.wageBase(), on);
    }

    public Contribution.Breakdown monthly(Segment segment, Set<Programme> programmes, int riskClass, long wage,
                                          LocalDate on) {
        return Contribution.monthly(rates(), segment, programmes, riskClass, wage, on);
    }

    // ------------------------------------------------------------------ defaults from the agreement (issue 13)

    /**
     * What a new enrolment starts with, taken from the PKS in force for the post's category on the start date:
     * funding source, programmes, wage base and the monthly contribution the PKS sets (null when it leaves it to the
     * rate tables). {@code agreementNumber} is null when no PKS in force covers the category: then the defaults
     * are the rate tables' (APBD, JKK+JKM, the category's wage base).
     */
    public record Defaults(LocalDate startDate, Segment segment, FundingSource fundingSource,
                           Set<Programme> programmes, Long wageBase, Long monthlyContribution,
                           String agreementNumber) {
        public boolean fromAgreement() {
            return agreementNumber != null;
        }
    }

    /**
     * The defaults for a new enrolment tied to {@code postId} (or, without a post, for {@code position}). The start
     * date is today, or the post's start date for a successor ({@code successor}) or a post that starts later.
     */
    public Defaults defaults(UUID postId, Position position, boolean successor) {
        return db.read(tx -> {
            LocalDate today = LocalDate.now(clock);
            Post post = postId == null ? null : posts.find(tx, postId).orElse(null);
            Position pos = post != null ? post.position() : position;
            LocalDate start = post != null && (successor || post.startDate().isAfter(today)) ? post.startDate()
                    : today;
            if (pos == null) {
                return new Defaults(start, Segment.PU, FundingSource.APBD, EnumSet.of(Programme.JKK, Programme.JKM),
                        null, null, null);
            }
            Segment segment = defaultSegment(pos.category());
            Long rateWage = defaultWageBase(rates.wageBases(tx), pos, start).orElse(null);
            for (FundingSource source : FundingSource.values()) {
                for (AgreementInForce a : inForce(tx, start)) {
                    Optional<CoverageTerm> t = a.term(pos.category(), source);
                    if (t.isEmpty()) continue;
                    CoverageTerm term = t.get();
                    Set<Programme> programmes = term.programmes().isEmpty()
                            ? EnumSet.of(Programme.JKK, Programme.JKM) : EnumSet.copyOf(term.programmes());
                    if (segment == Segment.BPU) programmes.remove(Programme.JP);
                    return new Defaults(start, segment, source, programmes,
                            term.wageBase() != null ? term.wageBase() : rateWage, term.monthlyContribution(),
                            a.agreement().number());
                }
            }
            return new Defaults(start, segment, FundingSource.APBD, EnumSet.of(Programme.JKK, Programme.JKM),
                    rateWage, null, null);
        });
    }

    /** Kepala desa and perangkat are wage earners (PU); the others non-wage (BPU), as the import does. */
    static Segment defaultSegment(Category c) {
        return c == Category.KEPALA_DESA || c == Category.PERANGKAT_DESA ? Segment.PU : Segment.BPU;
    }

    /**
     * Why no PKS in force on {@code on} covers {@code category} paid from {@code source} (the rule the home screen's
     * "not covered by any PKS" uses), or empty when one does.
     */
    public Optional<Text> uncovered(Category category, FundingSource source, LocalDate on) {
        return db.read(tx -> uncovered(tx, category, source, on));
    }

    private Optional<Text> uncovered(Tx tx, Category category, FundingSource source, LocalDate on) {
        List<AgreementInForce> inForce = inForce(tx, on);
        if (inForce.stream().anyMatch(a -> a.covers(category, source))) return Optional.empty();
        if (inForce.isEmpty()) return Optional.of(Text.of("enrolment.uncovered.none", on));
        for (AgreementInForce a : inForce) {
            for (CoverageTerm t : a.terms()) {
                if (t.category() == category) {
                    return Optional.of(Text.of("enrolment.uncovered.source", a.agreement().number(), category,
                            t.fundingSource(), source));
                }
            }
        }
        String numbers = String.join(", ", inForce.stream().map(a -> a.agreement().number()).toList());
        return Optional.of(Text.of("enrolment.uncovered.category", on, numbers, category));
    }

    private List<AgreementInForce> inForce(Tx tx, LocalDate on) {
        List<Addendum> addenda = agreements.allAddenda(tx);
        return agreements.all(tx).stream().map(a -> AgreementInForce.on(a, addenda, on))
                .filter(AgreementInForce::inForce)
                .sorted(Comparator.comparing((AgreementInForce a) -> a.agreement().validFrom()).reversed())
                .toList();
    }

    /** An enrolment no PKS in force covers, saved only once the clerk confirms ({@link #enrol(NewEnrolment, boolean)}). */
    public static final class NotCoveredException extends LocalizedException {
        private final transient Text reason;

        public NotCoveredException(Text reason) {
            super("enrolment.uncovered.confirm", reason);
            this.reason = reason;
        }

        /** Why no PKS covers it (without the question). */
        public Text reason() {
            return reason;
        }
    }

    /** The default wage base for a post on a date (position-specific first, then the category's), if any. */
    public Optional<Long> defaultWageBase(Position position, LocalDate on) {
        return defaultWageBase(db.read(rates::wageBases), position, on);
    }

    private static Optional<Long> defaultWageBase(List<WageBaseDefault> all, Position position, LocalDate on) {
        Comparator<WageBaseDefault> latest = Comparator.comparing(WageBaseDefault::validFrom);
        Optional<WageBaseDefault> specific = all.stream()
                .filter(w -> w.position() == position && !w.validFrom().isAfter(on)).max(latest);
        if (specific.isPresent()) return specific.map(WageBaseDefault::amount);
        return all.stream().filter(w -> w.position() == null && w.category() == position.category()
                && !w.validFrom().isAfter(on)).max(latest).map(WageBaseDefault::amount);
    }
}
