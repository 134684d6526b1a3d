package id.lindungdesa.wiring;

import id.lindungdesa.domain.Office;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.BackupHook;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoreServices;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.DemoService;
import id.lindungdesa.service.EnrolmentService;
import id.lindungdesa.service.LedgerService;
import id.lindungdesa.service.MonevService;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.service.StatsService;
import id.lindungdesa.service.TargetService;
import id.lindungdesa.persistence.AuditRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.OfficeRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.TargetRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: one database, one clock, every service and feature. It sits above the features and below
 * the desktop and the CLI, which both build exactly this; features add their service here. Nothing below this
 * package knows it: services and features receive {@link CoreServices} or the services themselves, and the backup
 * before risky operations reaches them as a {@link BackupHook}.
 */
public final class Services implements CoreServices, AutoCloseable {
    private final Database db;
    private final Clock clock;
    private final AtomicReference<String> actor = new AtomicReference<>("sistem");
    private final AtomicReference<Optional<Office>> cachedOffice = new AtomicReference<>(Optional.empty());

    private final AuditLog audit;
    private final OfficeService office;
    private final RegionService regions;
    private final RosterService roster;
    private final EnrolmentService enrolments;
    private final StatsService stats;
    private final DemoService demo;
    private final TargetService targets;
    private final AgreementService agreements;
    private final MonevService monev;
    private final AlertService alerts;
    private final CoverageService coverage;
    private final BudgetService budget;
    private final LedgerService ledger;
    private final CoreServices core;
    private final id.lindungdesa.imports.RosterImportService imports;
    private final id.lindungdesa.bundle.BundleServices bundles;
    private final id.lindungdesa.backup.BackupService backups;
    private final id.lindungdesa.security.EncryptionService encryption;

    public Services(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        OfficeRepository officeRepo = new OfficeRepository();
        RegionRepository regionRepo = new RegionRepository();
        PersonRepository personRepo = new PersonRepository();
        PostRepository postRepo = new PostRepository();
        EnrolmentRepository enrolmentRepo = new EnrolmentRepository();
        RateRepository rateRepo = new RateRepository();
        this.audit = new AuditLog(db, new AuditRepository(), clock, actor::get);
        this.office = new OfficeService(db, officeRepo, clock, audit);
        // First of the set-up listeners (they run in the order registered): the clerk is the actor before any
        // feature reacts to the new office, e.g. the office key made at set-up is recorded under the clerk's name.
        var actorRef = actor;
        var officeRef = cachedOffice;
        office.onSetUp(o -> {
            actorRef.set(o.clerkName());
            officeRef.set(Optional.of(o));
        });
        this.regions = new RegionService(db, regionRepo, clock, audit);
        this.roster = new RosterService(db, personRepo, postRepo, enrolmentRepo, regionRepo, rateRepo, clock, audit);
        this.enrolments = new EnrolmentService(db, enrolmentRepo, personRepo, postRepo, rateRepo, clock, audit);
        this.stats = new StatsService(db, regionRepo, roster);
        this.targets = new TargetService(db, new TargetRepository(), clock, audit);
        var agreementRepo = new id.lindungdesa.persistence.AgreementRepository();
        var monevRepo = new id.lindungdesa.persistence.MonevRepository();
        this.agreements = new AgreementService(db, agreementRepo, monevRepo, roster, office, clock, audit);
        this.monev = new MonevService(db, monevRepo, agreementRepo, roster, office, clock, audit);
        this.alerts = new AlertService(agreements, monev, roster, office, clock);
        this.coverage = new CoverageService(roster, regions, targets, office);
        this.budget = new BudgetService(roster, enrolments, coverage);
        this.ledger = new LedgerService(db, new id.lindungdesa.persistence.LedgerRepository(), enrolmentRepo, roster,
                coverage, office, clock, audit);
        // no `this` leaves the constructor: features get the core services, built here
        this.core = new CoreServices.Parts(db, clock, actor::get, cachedOffice::get, audit, office, regions, roster,
                enrolments, targets, agreements, monev, coverage, budget, ledger);
        this.demo = new DemoService(db, core, personRepo, postRepo, enrolmentRepo, clock);
        DemoService.addStandardExtensions(demo);
        this.imports = new id.lindungdesa.imports.RosterImportService(db, personRepo, postRepo, enrolmentRepo,
                regionRepo, rateRepo, office, clock, audit);
        this.bundles = new id.lindungdesa.bundle.BundleServices(core);
        this.backups = new id.lindungdesa.backup.BackupService(db, clock, FileKeys.INSTANCE);
        var backupService = backups;
        this.encryption = new id.lindungdesa.security.EncryptionService(db, backupService::beforeRiskyOperation,
                () -> backupService.list().stream().map(id.lindungdesa.backup.BackupService.Entry::file).toList());
        var officeService = office;
        Runnable reloadOffice = () -> reloadOffice(officeService, actorRef, officeRef);
        reloadOffice.run();
        db.onReplaced(reloadOffice);
        // Issue 7: a verified backup before every import, once there is an office's data worth keeping.
        BackupHook backupFirst = reason -> {
            if (officeRef.get().isPresent()) backupService.beforeRiskyOperation(reason);
        };
        regions.setBeforeImport(backupFirst);
        imports.setBeforeApply(backupFirst);
        // a province or national bundle import takes no full dump first: its transaction and the scheduled
        // backups are its safety net (issue 14, decision 0130)
    }

    /** Opens the database at {@code path} for {@code program} ("desktop", "cli") with the system clock. */
    public static Services open(Path path, String program) {
        return new Services(Database.open(path, Database.Options.of(program)), Clock.systemDefaultZone());
    }

    public Database database() { return db; }

    public Clock clock() { return clock; }

    /** Who is recorded in the audit trail (the office's clerk). */
    public String actor() { return actor.get(); }

    public void setActor(String actor) { this.actor.set(actor); }

    public AuditLog audit() { return audit; }

    public OfficeService office() { return office; }

    public RegionService regions() { return regions; }

    public RosterService roster() { return roster; }

    public EnrolmentService enrolments() { return enrolments; }

    public StatsService stats() { return stats; }

    public DemoService demo() { return demo; }

    public TargetService targets() { return targets; }

    public AgreementService agreements() { return agreements; }

    public MonevService monev() { return monev; }

    public AlertService alerts() { return alerts; }
    public CoverageService coverage() { return coverage; }

    public BudgetService budget() { return budget; }

    public LedgerService ledger() { return ledger; }
    /** Roster import from spreadsheets (issue 4). */
    public id.lindungdesa.imports.RosterImportService imports() { return imports; }
    /** Signed bundles: keys, trust registry, export, import, receipts, province dashboard. */
    public id.lindungdesa.bundle.BundleServices bundles() { return bundles; }
    /** Backups: {@code backups().beforeRiskyOperation("import")} before an import or merge. */
    public id.lindungdesa.backup.BackupService backups() { return backups; }

    public id.lindungdesa.security.EncryptionService encryption() { return encryption; }

    private static void reloadOffice(OfficeService office, AtomicReference<String> actor,
                                     AtomicReference<Optional<Office>> cachedOffice) {
        Optional<Office> o = office.office();
        cachedOffice.set(o);
        o.ifPresent(x -> actor.set(x.clerkName()));
    }

    /** The office, read once when the database was opened and updated at set-up (no database read here). */
    public Optional<Office> currentOffice() { return cachedOffice.get(); }

    /** The core services, as features receive them. */
    public CoreServices core() { return core; }

    @Override
    public void close() {
        agreements.closeViewing(); // decrypted documents never outlive the session
        db.close();
    }
}
