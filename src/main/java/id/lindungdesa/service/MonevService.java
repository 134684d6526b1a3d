package id.lindungdesa.service;

import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CategoryCoverage;
import id.lindungdesa.domain.FollowUp;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.persistence.AgreementRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.MonevRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Monitoring and evaluation (monev) of agreements: the schedule (every N months from signing, editable), the
 * evaluations with the coverage figures captured on their date, and follow-up actions.
 */
public final class MonevService {
    private final Database db;
    private final MonevRepository repo;
    private final AgreementRepository agreements;
    private final DistrictFigures figures;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;

    public MonevService(Database db, MonevRepository repo, AgreementRepository agreements, DistrictFigures figures,
                        OfficeService office, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.agreements = agreements;
        this.figures = figures;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
    }

    /** Input for a follow-up action. */
    public record NewFollowUp(String action, String owner, LocalDate dueDate) {
    }

    /** Input for an evaluation; {@code scheduleItemId} null: it fulfils the earliest open scheduled monev. */
    public record NewEvaluation(UUID agreementId, UUID scheduleItemId, LocalDate date, String participants,
                                String findings, List<NewFollowUp> followUps) {
    }

    /** Due dates every {@code months} months from {@code signing} up to {@code validTo}. */
    public static List<MonevScheduleItem> defaultSchedule(UUID agreementId, LocalDate signing, LocalDate validTo,
                                                          int months) {
        List<MonevScheduleItem> out = new ArrayList<>();
        for (int i = 1; ; i++) {
            LocalDate due = signing.plusMonths((long) months * i);
            if (due.isAfter(validTo)) break;
            out.add(new MonevScheduleItem(UUID.randomUUID(), 1, agreementId, due, null, null));
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    /** The schedule of one agreement (null: every agreement's), by due date. */
    public List<MonevScheduleItem> schedule(UUID agreementId) {
        return db.read(tx -> repo.schedule(tx, agreementId));
    }

    /** Evaluations of one agreement (null: all), newest first. */
    public List<MonevEvaluation> evaluations(UUID agreementId) {
        return db.read(tx -> repo.evaluations(tx, agreementId));
    }

    public Optional<MonevEvaluation> evaluation(UUID id) {
        return evaluations(null).stream().filter(e -> e.id().equals(id)).findFirst();
    }

    // ---------------------------------------------------------------- schedule edits

    /** Moves a scheduled monev to another date. */
    public MonevScheduleItem reschedule(UUID itemId, int version, LocalDate newDue, String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (newDue == null) throw ValidationException.of("dueDate", "error.required");
        return db.write(tx -> {
            MonevScheduleItem before = repo.findSchedule(tx, itemId)
                    .orElseThrow(() -> RosterService.notFound("monev", itemId));
            Agreement a = agreements.find(tx, before.agreementId())
                    .orElseThrow(() -> RosterService.notFound("agreement", before.agreementId()));
            if (newDue.isBefore(a.signingDate())) {
                throw ValidationException.of("dueDate", "monev.error.beforeSigning", newDue, a.signingDate());
            }
            MonevScheduleItem after = repo.updateSchedule(tx, new MonevScheduleItem(itemId, version,
                    before.agreementId(), newDue, before.evaluationId(), RosterService.blankToNull(note)), now());
            audit.record(tx, "UPDATE", "monev_schedule", itemId, null, null, "Jadwal monev PKS " + a.number()
                    + " dipindah ke " + newDue, before, after);
            return after;
        });
    }

    /** Adds a scheduled monev. */
    public MonevScheduleItem addDue(UUID agreementId, LocalDate due, String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (due == null) throw ValidationException.of("dueDate", "error.required");
        return db.write(tx -> {
            Agreement a = agreements.find(tx, agreementId)
                    .orElseThrow(() -> RosterService.notFound("agreement", agreementId));
            if (due.isBefore(a.signingDate())) {
                throw ValidationException.of("dueDate", "monev.error.beforeSigning", due, a.signingDate());
            }
            MonevScheduleItem s = new MonevScheduleItem(UUID.randomUUID(), 1, agreementId, due, null,
                    RosterService.blankToNull(note));
            repo.insertSchedule(tx, List.of(s), now());
            audit.record(tx, "CREATE", "monev_schedule", s.id(), null, null, "Jadwal monev PKS " + a.number() + ": "
                    + due, null, s);
            return s;
        });
    }

    /** Removes a scheduled monev that has not been held. */
    public void removeDue(UUID itemId, int version) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        db.writeVoid(tx -> {
            MonevScheduleItem before = repo.findSchedule(tx, itemId)
                    .orElseThrow(() -> RosterService.notFound("monev", itemId));
            if (before.done()) throw ValidationException.of("dueDate", "monev.error.alreadyHeld");
            repo.deleteScheduleItem(tx, itemId, version);
            audit.record(tx, "DELETE", "monev_schedule", itemId, null, null, "Jadwal monev dihapus: "
                    + before.dueDate(), before, null);
        });
    }

    /** Replaces the open scheduled dates of an agreement with a new interval (held ones stay). */
    public List<MonevScheduleItem> setInterval(UUID agreementId, int months) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (months < 1 || months > 24) throw ValidationException.of("monevIntervalMonths", "agreement.error.monevInterval");
        return db.write(tx -> {
            Agreement a = agreements.find(tx, agreementId)
                    .orElseThrow(() -> RosterService.notFound("agreement", agreementId));
            Agreement after = agreements.update(tx, new Agreement(a.id(), a.version(), a.number(), a.title(),
                    a.parties(), a.signingDate(), a.validFrom(), a.validTo(), a.legalBases(), a.terms(),
                    a.budgetCeiling(), a.notes(), months, a.renewsId(), a.attachment()), now());
            LocalDate lastHeld = repo.schedule(tx, agreementId).stream().filter(MonevScheduleItem::done)
                    .map(MonevScheduleItem::dueDate).max(Comparator.naturalOrder()).orElse(a.signingDate());
            repo.deleteOpenSchedule(tx, agreementId);
            LocalDate to = id.lindungdesa.domain.AgreementInForce.finalValidTo(a, agreements.allAddenda(tx));
            repo.insertSchedule(tx, defaultSchedule(agreementId, a.signingDate(), to, months).stream()
                    .filter(s -> s.dueDate().isAfter(lastHeld)).toList(), now());
            audit.record(tx, "UPDATE", "agreement", agreementId, null, null, "Interval monev PKS " + a.number()
                    + ": " + months + " bulan", a, after);
            return repo.schedule(tx, agreementId);
        });
    }

    // ---------------------------------------------------------------- evaluations

    public List<ValidationException.FieldError> validate(NewEvaluation e) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (e.agreementId() == null) errors.add(ValidationException.FieldError.of("agreement", "error.required"));
        if (e.date() == null) errors.add(ValidationException.FieldError.of("date", "error.required"));
        else if (e.date().isAfter(LocalDate.now(clock))) {
            errors.add(ValidationException.FieldError.of("date", "monev.error.future", e.date()));
        }
        if (e.participants() == null || e.participants().isBlank()) {
            errors.add(ValidationException.FieldError.of("participants", "error.required"));
        }
        if (e.findings() == null || e.findings().isBlank()) {
            errors.add(ValidationException.FieldError.of("findings", "error.required"));
        }
        for (NewFollowUp f : e.followUps() == null ? List.<NewFollowUp>of() : e.followUps()) {
            if (f.action() == null || f.action().isBlank() || f.owner() == null || f.owner().isBlank()
                    || f.dueDate() == null) {
                errors.add(ValidationException.FieldError.of("followUps", "monev.error.followUpIncomplete"));
            }
        }
        return errors;
    }

    /**
     * Records an evaluation with its follow-ups and the coverage figures on its date (from the roster), marking the
     * scheduled monev it fulfils as held, in one transaction.
     */
    public MonevEvaluation record(NewEvaluation input) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        List<CategoryCoverage> coverage = coverageOn(input.date());
        return db.write(tx -> {
            Agreement a = agreements.find(tx, input.agreementId())
                    .orElseThrow(() -> RosterService.notFound("agreement", input.agreementId()));
            if (input.date().isBefore(a.signingDate())) {
                throw ValidationException.of("date", "monev.error.beforeSigning", input.date(), a.signingDate());
            }
            UUID evalId = UUID.randomUUID();
            List<FollowUp> fus = new ArrayList<>();
            for (NewFollowUp f : input.followUps() == null ? List.<NewFollowUp>of() : input.followUps()) {
                fus.add(new FollowUp(UUID.randomUUID(), 1, evalId, f.action().strip(), f.owner().strip(), f.dueDate(),
                        null));
            }
            MonevEvaluation e = new MonevEvaluation(evalId, 1, a.id(), input.date(), input.participants().strip(),
                    input.findings().strip(), coverage, fus);
            repo.insertEvaluation(tx, e, now());
            List<MonevScheduleItem> open = repo.schedule(tx, a.id()).stream().filter(s -> !s.done()).toList();
            Optional<MonevScheduleItem> fulfils = input.scheduleItemId() != null
                    ? open.stream().filter(s -> s.id().equals(input.scheduleItemId())).findFirst()
                    : open.stream().findFirst();
            if (input.scheduleItemId() != null && fulfils.isEmpty()) {
                throw ValidationException.of("schedule", "monev.error.alreadyHeld");
            }
            fulfils.ifPresent(s -> repo.updateSchedule(tx, new MonevScheduleItem(s.id(), s.version(), s.agreementId(),
                    s.dueDate(), evalId, s.note()), now()));
            audit.record(tx, "CREATE", "monev", evalId, null, null, "Monev PKS " + a.number() + " tanggal "
                    + input.date(), null, e);
            return e;
        });
    }

    /** Marks a follow-up done on {@code date} (null: undone). */
    public FollowUp markDone(UUID followUpId, int version, LocalDate date) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        return db.write(tx -> {
            FollowUp before = repo.findFollowUp(tx, followUpId)
                    .orElseThrow(() -> RosterService.notFound("follow-up", followUpId));
            FollowUp after = repo.setDone(tx, followUpId, version, date, now());
            audit.record(tx, "UPDATE", "follow_up", followUpId, null, null, (date == null ? "Tindak lanjut dibuka: "
                    : "Tindak lanjut selesai: ") + before.action(), before, after);
            return after;
        });
    }

    /** Coverage per category across the office's area on {@code date} (from the database, decision 0120). */
    public List<CategoryCoverage> coverageOn(LocalDate date) {
        String prefix = office.office().map(o -> o.regionCode()).orElse("");
        Map<Category, RosterReadModel.Count> sum = figures.categoryTotals(prefix, date);
        List<CategoryCoverage> out = new ArrayList<>();
        sum.forEach((c, n) -> {
            if (n.eligible() > 0) out.add(new CategoryCoverage(c, n.covered(), n.eligible()));
        });
        return out;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
