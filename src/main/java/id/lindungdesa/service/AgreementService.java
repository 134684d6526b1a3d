package id.lindungdesa.service;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.AttachmentInfo;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.persistence.AgreementRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.FileHashes;
import id.lindungdesa.persistence.MonevRepository;
import id.lindungdesa.persistence.StaleRecordException;
import id.lindungdesa.persistence.Tx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Agreements (PKS) and their addenda: recording them with their checks, the agreement in force on a date, the
 * scanned document (stored in the database, SHA-256 checked on open), and which agreement covers which enrolment.
 */
public final class AgreementService {
    /** Largest scanned document accepted (a scanned PKS is a few MB). */
    /** A scanned PKS is a few MB; 20 MB leaves room for a long one in colour (issue 12 item 7). */
    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private final Database db;
    private final AgreementRepository repo;
    private final MonevRepository monev;
    private final DistrictFigures figures;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;
    private final ViewingFolder viewing;

    public AgreementService(Database db, AgreementRepository repo, MonevRepository monev, DistrictFigures figures,
                            OfficeService office, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.monev = monev;
        this.figures = figures;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
        this.viewing = ViewingFolder.forDatabase(db.base());
        viewing.deleteAll(); // leftovers of an earlier session (a crash, a file a viewer held open)
    }

    /**
     * Whether agreements can be changed here. At a kecamatan officer's desk they are the district's, carried read-only
     * by the field package (issue 15): shown, never changed.
     */
    public boolean editable() {
        return office.office().map(o -> o.level() != id.lindungdesa.domain.OfficeLevel.SUBDISTRICT).orElse(true);
    }

    private void refuseReadOnly() {
        if (!editable()) throw new LocalizedException("field.error.readOnlyAtOfficer");
    }

    /** Input for a new agreement (id and version are assigned). {@code monevIntervalMonths} null: 6. */
    public record NewAgreement(String number, String title, List<AgreementParty> parties, LocalDate signingDate,
                               LocalDate validFrom, LocalDate validTo, List<String> legalBases,
                               List<CoverageTerm> terms, Long budgetCeiling, String notes,
                               Integer monevIntervalMonths, UUID renewsId) {
    }

    /** Input for a new addendum. */
    public record NewAddendum(UUID agreementId, String number, LocalDate signingDate, LocalDate effectiveDate,
                              LocalDate newValidTo, Long newBudgetCeiling, List<AddendumChange> changes,
                              String notes) {
    }

    /** A file to attach, with the SHA-256 the user saw when choosing it (null: not checked). */
    public record AttachmentFile(Path path, String expectedSha256) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- reading

    public List<Agreement> all() {
        return db.read(repo::all);
    }

    public List<Addendum> addenda() {
        return db.read(repo::allAddenda);
    }

    public Optional<Agreement> find(UUID id) {
        return db.read(tx -> repo.find(tx, id));
    }

    /** The addenda of one agreement, in the order they apply. */
    public List<Addendum> addendaOf(UUID agreementId) {
        return AgreementInForce.of(agreementId, addenda());
    }

    /** Every agreement as it stands on {@code date} (any state), by start date. */
    public List<AgreementInForce> states(LocalDate date) {
        return db.read(tx -> states(tx, date));
    }

    private List<AgreementInForce> states(Tx tx, LocalDate date) {
        List<Addendum> ad = repo.allAddenda(tx);
        return repo.all(tx).stream().map(a -> AgreementInForce.on(a, ad, date)).toList();
    }

    /** The agreements in force on {@code date}, each with the addenda effective by then applied. */
    public List<AgreementInForce> inForce(LocalDate date) {
        return states(date).stream().filter(AgreementInForce::inForce).toList();
    }

    /** The agreement in force on {@code date} that covers {@code category} paid from {@code source}, if any. */
    public Optional<AgreementInForce> coveringAgreement(Category category, FundingSource source, LocalDate date) {
        return covering(inForce(date), category, source);
    }

    static Optional<AgreementInForce> covering(List<AgreementInForce> inForce, Category category,
                                               FundingSource source) {
        return inForce.stream().filter(x -> x.covers(category, source)).findFirst();
    }

    /** The readable history of one agreement: signed, starts, each addendum, ends. */
    public List<AgreementInForce.Step> timeline(UUID agreementId) {
        return db.read(tx -> {
            Agreement a = repo.find(tx, agreementId).orElseThrow(() -> RosterService.notFound("agreement", agreementId));
            return AgreementInForce.timeline(a, repo.allAddenda(tx));
        });
    }

    // ---------------------------------------------------------------- agreements

    public List<ValidationException.FieldError> validate(NewAgreement a) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (blank(a.number())) errors.add(err("number", "error.required"));
        if (blank(a.title())) errors.add(err("title", "error.required"));
        if (a.signingDate() == null) errors.add(err("signingDate", "error.required"));
        if (a.validFrom() == null) errors.add(err("validFrom", "error.required"));
        if (a.validTo() == null) errors.add(err("validTo", "error.required"));
        if (a.validFrom() != null && a.validTo() != null && !a.validTo().isAfter(a.validFrom())) {
            errors.add(err("validTo", "agreement.error.endBeforeStart", a.validTo(), a.validFrom()));
        }
        if (a.budgetCeiling() != null && a.budgetCeiling() < 0) errors.add(err("budgetCeiling", "agreement.error.negative"));
        if (a.monevIntervalMonths() != null && (a.monevIntervalMonths() < 1 || a.monevIntervalMonths() > 24)) {
            errors.add(err("monevIntervalMonths", "agreement.error.monevInterval"));
        }
        if (a.terms() == null || a.terms().isEmpty()) errors.add(err("terms", "agreement.error.noTerms"));
        else errors.addAll(validateTerms(a.terms(), "terms"));
        if (a.parties() != null) {
            for (AgreementParty p : a.parties()) {
                if (blank(p.name())) errors.add(err("parties", "agreement.error.partyName"));
            }
        }
        return errors;
    }

    private static List<ValidationException.FieldError> validateTerms(List<CoverageTerm> terms, String field) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Set<CoverageTerm.Key> seen = new HashSet<>();
        for (CoverageTerm t : terms) {
            if (t.category() == null || t.fundingSource() == null) {
                errors.add(err(field, "agreement.error.termIncomplete"));
                continue;
            }
            if (!seen.add(t.key())) errors.add(err(field, "agreement.error.termTwice", t.category(), t.fundingSource()));
            if (t.programmes().isEmpty()) errors.add(err(field, "agreement.error.noProgramme", t.category()));
            if ((t.wageBase() != null && t.wageBase() < 0)
                    || (t.monthlyContribution() != null && t.monthlyContribution() < 0)) {
                errors.add(err(field, "agreement.error.negative"));
            }
        }
        return errors;
    }

    /**
     * Records a new agreement, with its scanned document when {@code attachment} is given and its default monev
     * schedule, in one transaction. Refuses invalid input and an overlap with another agreement.
     */
    public Agreement create(NewAgreement input, AttachmentFile attachment) {
        audit.require(Role.CLERK); // issue 17
        refuseReadOnly();
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Loaded file = attachment == null ? null : load(attachment);
        return db.write(tx -> {
            checkNumberFree(tx, input.number().strip(), null);
            int months = input.monevIntervalMonths() == null ? Agreement.DEFAULT_MONEV_MONTHS
                    : input.monevIntervalMonths();
            Agreement a = new Agreement(UUID.randomUUID(), 1, input.number().strip(), input.title().strip(),
                    clean(input.parties()), input.signingDate(), input.validFrom(), input.validTo(),
                    input.legalBases() == null ? List.of() : input.legalBases().stream().filter(s -> !blank(s))
                            .map(String::strip).toList(),
                    input.terms(), input.budgetCeiling(), RosterService.blankToNull(input.notes()), months,
                    input.renewsId(), null);
            List<Addendum> addenda = repo.allAddenda(tx);
            checkOverlap(tx, a, addenda, addenda);
            repo.insert(tx, a, now());
            if (file != null) repo.putAttachment(tx, a.id(), file.info(now()), file.bytes());
            monev.insertSchedule(tx, MonevService.defaultSchedule(a.id(), a.signingDate(), a.validTo(), months),
                    now());
            Agreement stored = repo.find(tx, a.id()).orElseThrow();
            audit.record(tx, "CREATE", "agreement", a.id(), null, null, "PKS baru: " + a.number(), null, stored);
            return stored;
        });
    }

    /** Updates an agreement's own fields (addenda are separate records); the version must match. */
    public Agreement update(Agreement changed) {
        audit.require(Role.CLERK); // issue 17
        refuseReadOnly();
        NewAgreement asInput = new NewAgreement(changed.number(), changed.title(), changed.parties(),
                changed.signingDate(), changed.validFrom(), changed.validTo(), changed.legalBases(), changed.terms(),
                changed.budgetCeiling(), changed.notes(), changed.monevIntervalMonths(), changed.renewsId());
        List<ValidationException.FieldError> errors = validate(asInput);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Agreement before = repo.find(tx, changed.id()).orElseThrow(() -> RosterService.notFound("agreement",
                    changed.id()));
            if (before.version() != changed.version()) {
                throw new StaleRecordException("agreement", changed.id(), changed.version());
            }
            checkNumberFree(tx, changed.number().strip(), changed.id());
            List<Addendum> addenda = repo.allAddenda(tx);
            checkAddendaStillFit(changed, AgreementInForce.of(changed.id(), addenda));
            checkOverlap(tx, changed, addenda, addenda);
            Agreement after = repo.update(tx, changed, now());
            audit.record(tx, "UPDATE", "agreement", after.id(), null, null, "PKS diubah: " + after.number(), before,
                    after);
            return after;
        });
    }

    /** Removes an agreement (a tombstone with a reason; its addenda and monev stay in history). */
    public void remove(UUID id, int version, String reason) {
        audit.require(Role.CLERK); // issue 17
        refuseReadOnly();
        if (blank(reason)) throw ValidationException.of("reason", "error.required");
        db.writeVoid(tx -> {
            Agreement before = repo.find(tx, id).orElseThrow(() -> RosterService.notFound("agreement", id));
            repo.tombstone(tx, id, version, reason.strip(), now());
            audit.record(tx, "DELETE", "agreement", id, null, null, "PKS dihapus: " + before.number() + " ("
                    + reason.strip() + ")", before, null);
        });
    }

    private void checkNumberFree(Tx tx, String number, UUID self) {
        for (Agreement o : repo.all(tx)) {
            if (!o.id().equals(self) && o.number().equalsIgnoreCase(number)) {
                throw ValidationException.of("number", "agreement.error.numberTaken", number);
            }
        }
    }

    /** Refuses when {@code a} (with {@code aAddenda}) and another agreement cover one category and source on a day. */
    private void checkOverlap(Tx tx, Agreement a, List<Addendum> aAddenda, List<Addendum> allAddenda) {
        for (Agreement other : repo.all(tx)) {
            if (other.id().equals(a.id())) continue;
            var o = AgreementInForce.overlap(a, aAddenda, other, allAddenda);
            if (o.isPresent()) {
                throw ValidationException.of("terms", "agreement.error.overlap", o.get().key().category(),
                        o.get().key().fundingSource(), other.number(), o.get().date());
            }
        }
    }

    private static void checkAddendaStillFit(Agreement a, List<Addendum> addenda) {
        for (Addendum ad : addenda) {
            if (ad.effectiveDate().isBefore(a.validFrom())) {
                throw ValidationException.of("validFrom", "agreement.error.addendumBeforeStart", ad.number(),
                        ad.effectiveDate(), a.validFrom());
            }
        }
    }

    // ---------------------------------------------------------------- addenda

    public List<ValidationException.FieldError> validate(NewAddendum a) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (a.agreementId() == null) errors.add(err("agreement", "error.required"));
        if (blank(a.number())) errors.add(err("number", "error.required"));
        if (a.signingDate() == null) errors.add(err("signingDate", "error.required"));
        if (a.effectiveDate() == null) errors.add(err("effectiveDate", "error.required"));
        if (a.newBudgetCeiling() != null && a.newBudgetCeiling() < 0) {
            errors.add(err("newBudgetCeiling", "agreement.error.negative"));
        }
        List<AddendumChange> changes = a.changes() == null ? List.of() : a.changes();
        if (changes.isEmpty() && a.newValidTo() == null && a.newBudgetCeiling() == null) {
            errors.add(err("changes", "addendum.error.nothing"));
        }
        List<CoverageTerm> addedOrChanged = changes.stream().filter(c -> c.kind() != AddendumChange.Kind.REMOVE)
                .map(AddendumChange::term).toList();
        errors.addAll(validateTerms(addedOrChanged, "changes"));
        if (a.effectiveDate() != null && a.newValidTo() != null && !a.newValidTo().isAfter(a.effectiveDate())) {
            errors.add(err("newValidTo", "agreement.error.endBeforeStart", a.newValidTo(), a.effectiveDate()));
        }
        return errors;
    }

    /**
     * True when {@code input} would change nothing in force on its effective date: the same terms (category, source,
     * programmes, wage base, contribution), the same end of validity and the same budget ceiling as without it
     * (issue 13: the desk warns and asks before saving such an addendum). False for an agreement not found.
     */
    public boolean changesNothing(NewAddendum input) {
        if (input.agreementId() == null || input.effectiveDate() == null) return false;
        return db.read(tx -> repo.find(tx, input.agreementId()).map(a -> {
            List<Addendum> all = repo.allAddenda(tx);
            AgreementInForce before = AgreementInForce.on(a, all, input.effectiveDate());
            List<Addendum> with = new ArrayList<>(all);
            with.add(new Addendum(UUID.randomUUID(), 1, a.id(), input.number() == null ? "" : input.number().strip(),
                    input.signingDate() == null ? input.effectiveDate() : input.signingDate(), input.effectiveDate(),
                    input.newValidTo(), input.newBudgetCeiling(),
                    input.changes() == null ? List.of() : input.changes(), null));
            AgreementInForce after = AgreementInForce.on(a, with, input.effectiveDate());
            return new java.util.HashSet<>(before.terms()).equals(new java.util.HashSet<>(after.terms()))
                    && before.validTo().equals(after.validTo())
                    && java.util.Objects.equals(before.budgetCeiling(), after.budgetCeiling());
        }).orElse(false));
    }

    /**
     * Records an addendum. Refuses one effective before its agreement starts or after it has ended, one removing or
     * changing what is not covered, and one that would make the agreement overlap another.
     */
    public Addendum addAddendum(NewAddendum input) {
        refuseReadOnly();
        audit.require(Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Agreement a = repo.find(tx, input.agreementId())
                    .orElseThrow(() -> RosterService.notFound("agreement", input.agreementId()));
            if (input.effectiveDate().isBefore(a.validFrom())) {
                throw ValidationException.of("effectiveDate", "addendum.error.beforeStart", input.effectiveDate(),
                        a.number(), a.validFrom());
            }
            List<Addendum> all = repo.allAddenda(tx);
            for (Addendum ad : AgreementInForce.of(a.id(), all)) {
                if (ad.number().equalsIgnoreCase(input.number().strip())) {
                    throw ValidationException.of("number", "addendum.error.numberTaken", ad.number());
                }
            }
            AgreementInForce before = AgreementInForce.on(a, all, input.effectiveDate().minusDays(1));
            if (input.effectiveDate().isAfter(before.validTo().plusDays(1))) {
                throw ValidationException.of("effectiveDate", "addendum.error.afterEnd", input.effectiveDate(),
                        a.number(), before.validTo());
            }
            AgreementInForce at = AgreementInForce.on(a, all, input.effectiveDate());
            for (AddendumChange c : input.changes()) {
                boolean present = at.term(c.term().category(), c.term().fundingSource()).isPresent();
                if (c.kind() != AddendumChange.Kind.ADD && !present) {
                    throw ValidationException.of("changes", "addendum.error.notCovered", c.term().category(),
                            c.term().fundingSource(), a.number());
                }
            }
            Addendum ad = new Addendum(UUID.randomUUID(), 1, a.id(), input.number().strip(), input.signingDate(),
                    input.effectiveDate(), input.newValidTo(), input.newBudgetCeiling(), input.changes(),
                    RosterService.blankToNull(input.notes()));
            List<Addendum> with = new ArrayList<>(all);
            with.add(ad);
            AgreementInForce after = AgreementInForce.on(a, with, input.effectiveDate());
            if (after.terms().isEmpty()) throw ValidationException.of("changes", "addendum.error.empty", a.number());
            checkOverlap(tx, a, with, all);
            repo.insertAddendum(tx, ad, now());
            repo.touch(tx, a.id(), now());
            // An extension gets its monev dates too.
            LocalDate finalTo = AgreementInForce.finalValidTo(a, with);
            List<MonevScheduleItem> existing = monev.schedule(tx, a.id());
            LocalDate lastDue = existing.stream().map(MonevScheduleItem::dueDate).max(Comparator.naturalOrder())
                    .orElse(a.signingDate());
            monev.insertSchedule(tx, MonevService.defaultSchedule(a.id(), a.signingDate(), finalTo,
                    a.monevIntervalMonths()).stream()
                    .filter(s -> s.dueDate().isAfter(lastDue)).toList(), now());
            audit.record(tx, "CREATE", "addendum", ad.id(), null, null, "Adendum " + ad.number() + " atas PKS "
                    + a.number(), null, ad);
            return ad;
        });
    }

    public void removeAddendum(UUID id, int version, String reason) {
        refuseReadOnly();
        audit.require(Role.CLERK); // issue 17
        if (blank(reason)) throw ValidationException.of("reason", "error.required");
        db.writeVoid(tx -> {
            Addendum ad = repo.allAddenda(tx).stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> RosterService.notFound("addendum", id));
            repo.tombstoneAddendum(tx, id, version, reason.strip(), now());
            repo.touch(tx, ad.agreementId(), now());
            audit.record(tx, "DELETE", "addendum", id, null, null, "Adendum dihapus: " + ad.number(), ad, null);
        });
    }

    // ---------------------------------------------------------------- the scanned document

    private record Loaded(String fileName, String mediaType, byte[] bytes, String sha256) {
        AttachmentInfo info(OffsetDateTime now) {
            return new AttachmentInfo(fileName, mediaType, bytes.length, sha256, now);
        }
    }

    /** SHA-256 of a file, lowercase hex; a clear refusal when it is missing or unreadable. */
    public static String sha256(Path file) {
        return load(new AttachmentFile(file, null)).sha256();
    }

    private static Loaded load(AttachmentFile f) {
        Path p = f.path();
        if (p == null || !Files.isRegularFile(p)) {
            throw ValidationException.of("attachment", "agreement.error.attachmentMissing", String.valueOf(p));
        }
        try {
            long size = Files.size(p);
            if (size == 0) throw ValidationException.of("attachment", "agreement.error.attachmentEmpty", p);
            if (size > MAX_ATTACHMENT_BYTES) {
                throw ValidationException.of("attachment", "agreement.error.attachmentTooLarge", p,
                        MAX_ATTACHMENT_BYTES / (1024 * 1024));
            }
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length > MAX_ATTACHMENT_BYTES) {
                throw ValidationException.of("attachment", "agreement.error.attachmentTooLarge", p,
                        MAX_ATTACHMENT_BYTES / (1024 * 1024));
            }
            String type = Attachments.mediaType(bytes);
            if (type == null) throw ValidationException.of("attachment", "agreement.error.attachmentType", p);
            String hash = hex(bytes);
            if (f.expectedSha256() != null && !f.expectedSha256().isBlank()
                    && !f.expectedSha256().strip().equalsIgnoreCase(hash)) {
                throw ValidationException.of("attachment", "agreement.error.attachmentChanged", p);
            }
            return new Loaded(Attachments.storedName(p.getFileName().toString(), type), type, bytes, hash);
        } catch (IOException e) {
            throw ValidationException.of("attachment", "agreement.error.attachmentUnreadable", p, e.getMessage());
        }
    }

    /** Attaches (or replaces) the scanned document of an agreement. */
    public Agreement attach(UUID agreementId, AttachmentFile file) {
        refuseReadOnly();
        audit.require(Role.CLERK); // issue 17
        Loaded f = load(file);
        return db.write(tx -> {
            Agreement before = repo.find(tx, agreementId)
                    .orElseThrow(() -> RosterService.notFound("agreement", agreementId));
            repo.putAttachment(tx, agreementId, f.info(now()), f.bytes());
            repo.touch(tx, agreementId, now());
            Agreement after = repo.find(tx, agreementId).orElseThrow();
            audit.record(tx, "UPDATE", "agreement", agreementId, null, null, "Dokumen PKS " + before.number() + ": "
                    + f.fileName() + " (SHA-256 " + f.sha256() + ")", before.attachment(), after.attachment());
            return after;
        });
    }

    /** The scanned document's content failed its SHA-256 check: it must not be shown as the signed document. */
    public static final class AttachmentCorruptException extends RuntimeException {
        public AttachmentCorruptException(String message) {
            super(message);
        }
    }

    /**
     * Writes the scanned document to a file in {@code folder} (created when missing) after checking its SHA-256
     * against the one recorded when it was attached, and checks the written file again. Returns the file to open.
     */
    public Path exportAttachment(UUID agreementId, Path folder) {
        Agreement a = find(agreementId).orElseThrow(() -> RosterService.notFound("agreement", agreementId));
        if (a.attachment() == null) throw ValidationException.of("attachment", "agreement.error.noAttachment", a.number());
        byte[] bytes = db.read(tx -> repo.attachmentContent(tx, agreementId)).orElseThrow();
        if (!hex(bytes).equalsIgnoreCase(a.attachment().sha256())) {
            throw new AttachmentCorruptException(id.lindungdesa.i18n.Messages.tr("agreement.error.attachmentCorrupt",
                    a.attachment().fileName(), a.number()));
        }
        try {
            Path dir = folder.resolve(a.attachment().sha256().substring(0, 16));
            Files.createDirectories(dir);
            Path out = dir.resolve(safeName(a.attachment().fileName()));
            if (!Files.exists(out) || !sha256Quiet(out).equalsIgnoreCase(a.attachment().sha256())) {
                DurableFiles.writeBytes(out, DurableFiles.Access.OWNER_ONLY, bytes);
            }
            if (!sha256Quiet(out).equalsIgnoreCase(a.attachment().sha256())) {
                throw new AttachmentCorruptException(id.lindungdesa.i18n.Messages.tr(
                        "agreement.error.attachmentCorrupt", out, a.number()));
            }
            return out;
        } catch (IOException e) {
            throw ValidationException.of("attachment", "agreement.error.attachmentUnreadable", folder, e.getMessage());
        }
    }

    /**
     * Writes the checked document into the database's private viewing folder ({@link ViewingFolder}, never a
     * shared temp folder) to be opened with the system viewer. It is deleted when the program closes the database
     * or exits, or else at the next start.
     */
    public Path openForViewing(UUID agreementId) {
        return exportAttachment(agreementId, viewing.prepare());
    }

    /** The private folder decrypted documents are opened from. */
    public ViewingFolder viewing() {
        return viewing;
    }

    /** Deletes every document written for viewing (the program closes the database). */
    public void closeViewing() {
        viewing.close();
    }

    private static String sha256Quiet(Path p) throws IOException {
        return FileHashes.sha256(p);
    }

    static String hex(byte[] bytes) {
        return FileHashes.sha256(bytes);
    }

    private static String safeName(String name) {
        return Attachments.storedName(name, null);
    }

    // ---------------------------------------------------------------- enrolments and their agreement

    /** An active enrolment of a current office-holder and the agreement in force covering it (null: none). */
    public record LinkedEnrolment(UUID enrolmentId, UUID personId, String fullName, String villageCode,
                                  String villageName, Category category, FundingSource fundingSource,
                                  UUID agreementId, String agreementNumber) {
    }

    /** A category and source an agreement in force covers, with the number of people enrolled under it. */
    public record CoveredTerm(UUID agreementId, String agreementNumber, CoverageTerm term, int enrolled) {
    }

    /** Enrolments linked to their agreement on a date; those no agreement covers; terms nobody is enrolled under. */
    public record CoverageLinks(LocalDate on, List<LinkedEnrolment> covered, List<LinkedEnrolment> uncovered,
                                List<CoveredTerm> terms) {
        public List<CoveredTerm> nobodyEnrolled() {
            return terms.stream().filter(t -> t.enrolled() == 0).toList();
        }

        /** Uncovered enrolments counted per category and source. */
        public Map<CoverageTerm.Key, Integer> uncoveredCounts() {
            Map<CoverageTerm.Key, Integer> out = new java.util.LinkedHashMap<>();
            uncovered.stream().sorted(Comparator.comparing((LinkedEnrolment l) -> l.category().ordinal())
                            .thenComparing(l -> l.fundingSource().ordinal()))
                    .forEach(l -> out.merge(new CoverageTerm.Key(l.category(), l.fundingSource()), 1, Integer::sum));
            return out;
        }
    }

    /** The links on {@code date} within the office's area (the rows from the database, decision 0120). */
    public CoverageLinks links(LocalDate date) {
        String prefix = office.office().map(o -> o.regionCode()).orElse("");
        return links(figures.activeLinks(prefix, date), inForce(date), date);
    }

    /** The links from the ACTIVE enrolments of current office-holders and the agreements in force. */
    static CoverageLinks links(List<id.lindungdesa.persistence.FiguresRepository.ActiveLink> active,
                               List<AgreementInForce> inForce, LocalDate on) {
        List<LinkedEnrolment> covered = new ArrayList<>();
        List<LinkedEnrolment> uncovered = new ArrayList<>();
        Map<String, Integer> enrolledPerTerm = new HashMap<>();
        for (var a : active) {
            Optional<AgreementInForce> ag = covering(inForce, a.category(), a.fundingSource());
            LinkedEnrolment l = new LinkedEnrolment(a.enrolmentId(), a.personId(), a.fullName(), a.villageCode(),
                    a.villageName(), a.category(), a.fundingSource(), ag.map(x -> x.agreement().id()).orElse(null),
                    ag.map(x -> x.agreement().number()).orElse(null));
            if (ag.isPresent()) {
                covered.add(l);
                enrolledPerTerm.merge(ag.get().agreement().id() + "/" + a.category() + "/" + a.fundingSource(), 1,
                        Integer::sum);
            } else {
                uncovered.add(l);
            }
        }
        Comparator<LinkedEnrolment> order = Comparator.comparing(LinkedEnrolment::villageCode)
                .thenComparing(l -> l.category().ordinal()).thenComparing(LinkedEnrolment::fullName);
        covered.sort(order);
        uncovered.sort(order);
        return new CoverageLinks(on, covered, uncovered, terms(inForce, enrolledPerTerm));
    }

    private static List<CoveredTerm> terms(List<AgreementInForce> inForce, Map<String, Integer> enrolledPerTerm) {
        List<CoveredTerm> terms = new ArrayList<>();
        for (AgreementInForce x : inForce) {
            for (CoverageTerm t : x.terms()) {
                terms.add(new CoveredTerm(x.agreement().id(), x.agreement().number(), t, enrolledPerTerm
                        .getOrDefault(x.agreement().id() + "/" + t.category() + "/" + t.fundingSource(), 0)));
            }
        }
        return terms;
    }

    /** Counts only (alerts): uncovered ACTIVE enrolments per category and source, and every term in force. */
    public record LinkCounts(Map<CoverageTerm.Key, Integer> uncoveredCounts, List<CoveredTerm> terms) {
        public List<CoveredTerm> nobodyEnrolled() {
            return terms.stream().filter(t -> t.enrolled() == 0).toList();
        }
    }

    /** The counts of {@link #links} from the enrolments counted per category and source by the database. */
    public LinkCounts linkCounts(LocalDate date, List<AgreementInForce> inForce) {
        String prefix = office.office().map(o -> o.regionCode()).orElse("");
        List<id.lindungdesa.persistence.FiguresRepository.ActiveCount> counts =
                new ArrayList<>(figures.activeCounts(prefix, date));
        counts.sort(Comparator.comparing((id.lindungdesa.persistence.FiguresRepository.ActiveCount c)
                -> c.category().ordinal()).thenComparing(c -> c.fundingSource().ordinal()));
        Map<CoverageTerm.Key, Integer> uncovered = new java.util.LinkedHashMap<>();
        Map<String, Integer> enrolledPerTerm = new HashMap<>();
        for (var c : counts) {
            Optional<AgreementInForce> ag = covering(inForce, c.category(), c.fundingSource());
            if (ag.isPresent()) {
                enrolledPerTerm.merge(ag.get().agreement().id() + "/" + c.category() + "/" + c.fundingSource(),
                        c.enrolments(), Integer::sum);
            } else {
                uncovered.merge(new CoverageTerm.Key(c.category(), c.fundingSource()), c.enrolments(),
                        Integer::sum);
            }
        }
        return new LinkCounts(uncovered, terms(inForce, enrolledPerTerm));
    }

    // ---------------------------------------------------------------- helpers

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static List<AgreementParty> clean(List<AgreementParty> parties) {
        if (parties == null) return List.of();
        return parties.stream().map(p -> new AgreementParty(p.role() == null ? "" : p.role().strip(), p.name().strip(),
                RosterService.blankToNull(p.signatory()))).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ValidationException.FieldError err(String field, String key, Object... args) {
        return ValidationException.FieldError.of(field, key, args);
    }
}
