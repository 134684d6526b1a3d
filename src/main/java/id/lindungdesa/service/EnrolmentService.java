package id.lindungdesa.service;

import id.lindungdesa.domain.Contribution;
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
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RateRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
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

    public List<ContributionRate> rates() {
        return db.read(rates::rates);
    }

    public void addRate(ContributionRate r) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        db.writeVoid(tx -> {
            rates.insertRate(tx, r);
            audit.record(tx, "CREATE", "contribution_rate", r.id(), null, null,
                    "Tarif iuran " + r.segment() + " " + r.programme() + " berlaku " + r.validFrom(), null, r);
        });
    }

    public Contribution.Breakdown monthly(Enrolment e, LocalDate on) {
        return Contribution.monthly(rates(), e.segment(), e.programmes(), e.jkkRiskClass(), e.wageBase(), on);
    }

    public Contribution.Breakdown monthly(Segment segment, Set<Programme> programmes, int riskClass, long wage,
                                          LocalDate on) {
        return Contribution.monthly(rates(), segment, programmes, riskClass, wage, on);
    }

    /** The default wage base for a post on a date (position-specific first, then the category's), if any. */
    public Optional<Long> defaultWageBase(Position position, LocalDate on) {
        List<WageBaseDefault> all = db.read(rates::wageBases);
        Comparator<WageBaseDefault> latest = Comparator.comparing(WageBaseDefault::validFrom);
        Optional<WageBaseDefault> specific = all.stream()
                .filter(w -> w.position() == position && !w.validFrom().isAfter(on)).max(latest);
        if (specific.isPresent()) return specific.map(WageBaseDefault::amount);
        return all.stream().filter(w -> w.position() == null && w.category() == position.category()
                && !w.validFrom().isAfter(on)).max(latest).map(WageBaseDefault::amount);
    }
}
