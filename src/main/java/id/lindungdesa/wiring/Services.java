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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Services.class);
    private final Database db;
    private final Clock clock;
    private final AtomicReference<String> actor = new AtomicReference<>("sistem");
    private final AtomicReference<Optional<Office>> cachedOffice = new AtomicReference<>(Optional.empty());

    private final AuditLog audit;
    /** Who is signed in (issue 17): checked by the services, named in the audit trail. */
    private final id.lindungdesa.service.Session session = new id.lindungdesa.service.Session();
    private final id.lindungdesa.service.UserService users;
    private final OfficeService office;
    private final RegionService regions;
    private final RosterService roster;
    private final EnrolmentService enrolments;
    /** Undo/redo of roster changes made on the desk (issue 13). */
    private final id.lindungdesa.service.RosterUndo undo;
    private final StatsService stats;
    private final DemoService demo;
    private final TargetService targets;
    private final AgreementService agreements;
    private final MonevService monev;
    private final AlertService alerts;
    private final CoverageService coverage;
    private final BudgetService budget;
    private final LedgerService ledger;
    private final id.lindungdesa.service.DistrictFigures figures;
    private final CoreServices core;
    private final id.lindungdesa.imports.RosterImportService imports;
    private final id.lindungdesa.bundle.BundleServices bundles;
    private final id.lindungdesa.field.FieldServices field;
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
        this.audit = new AuditLog(db, new AuditRepository(), clock, actor::get, session);
        this.office = new OfficeService(db, officeRepo, clock, audit);
        this.users = new id.lindungdesa.service.UserService(db, new id.lindungdesa.persistence.UserRepository(),
                session, clock, audit);
        var usersRef = users;
        // First of the set-up listeners (they run in the order registered): the clerk is the actor before any
        // feature reacts to the new office, e.g. the office key made at set-up is recorded under the clerk's name.
        var actorRef = actor;
        var officeRef = cachedOffice;
        office.onSetUp(o -> {
            actorRef.set(o.clerkName());
            officeRef.set(Optional.of(o));
            usersRef.ensureFirstUser(Optional.of(o)); // issue 17: the set-up person is the first user
        });
        this.regions = new RegionService(db, regionRepo, clock, audit);
        this.roster = new RosterService(db, personRepo, postRepo, enrolmentRepo, regionRepo, rateRepo, clock, audit);
        this.enrolments = new EnrolmentService(db, enrolmentRepo, personRepo, postRepo, rateRepo, clock, audit);
        this.undo = new id.lindungdesa.service.RosterUndo(db, personRepo, postRepo, enrolmentRepo, clock, audit);
        db.onReplaced(undo::clear);
        this.figures = new id.lindungdesa.service.DistrictFigures(db,
                new id.lindungdesa.persistence.FiguresRepository(), regionRepo, rateRepo);
        this.stats = new StatsService(db, regionRepo, figures);
        this.targets = new TargetService(db, new TargetRepository(), clock, audit);
        var agreementRepo = new id.lindungdesa.persistence.AgreementRepository();
        var monevRepo = new id.lindungdesa.persistence.MonevRepository();
        this.agreements = new AgreementService(db, agreementRepo, monevRepo, figures, office, clock, audit);
        this.monev = new MonevService(db, monevRepo, agreementRepo, figures, office, clock, audit);
        this.alerts = new AlertService(agreements, monev, figures, office, clock);
        this.coverage = new CoverageService(figures, regions, targets, office);
        this.budget = new BudgetService(roster, enrolments, coverage, figures);
        this.ledger = new LedgerService(db, new id.lindungdesa.persistence.LedgerRepository(), enrolmentRepo,
                figures, coverage, office, clock, audit);
        // no `this` leaves the constructor: features get the core services, built here
        this.core = new CoreServices.Parts(db, clock, audit::actor, cachedOffice::get, audit, office, regions, roster,
                enrolments, targets, agreements, monev, coverage, budget, ledger);
        this.demo = new DemoService(db, core, personRepo, postRepo, enrolmentRepo, clock);
        DemoService.addStandardExtensions(demo);
        this.imports = new id.lindungdesa.imports.RosterImportService(db, personRepo, postRepo, enrolmentRepo,
                regionRepo, rateRepo, office, clock, audit);
        this.bundles = new id.lindungdesa.bundle.BundleServices(core);
        alerts.addSource(bundles.refpacks()::staleAlerts);
        this.field = new id.lindungdesa.field.FieldServices(core, bundles);
        this.backups = new id.lindungdesa.backup.BackupService(db, clock, FileKeys.INSTANCE);
        var backupService = backups;
        this.encryption = new id.lindungdesa.security.EncryptionService(db, backupService::beforeRiskyOperation,
                () -> backupService.list().stream().map(id.lindungdesa.backup.BackupService.Entry::file).toList());
        backups.setAccess(session); // issue 17: backups and restore need admin
        encryption.setAccess(session); // issue 17: encryption settings need admin
        var officeService = office;
        Runnable reloadOffice = () -> {
            reloadOffice(officeService, actorRef, officeRef);
            usersRef.ensureFirstUser(officeRef.get()); // issue 17: an older database's clerk becomes its first user
        };
        reloadOffice.run();
        db.onReplaced(reloadOffice);
        // Issue 14: a province or national database made before the per-district summary (or one whose figures
        // changed since the last import by a date passing) gets its summary computed now (decision 0126). Only
        // where it can matter: a district desk has no province figures and runs nothing here; a province or
        // national office first checks cheaply whether any district's summary is missing or stale (decision 0200).
        var bundleServices = bundles;
        Runnable summaries = () -> {
            boolean receives = officeRef.get().map(o -> o.level().receivesBundles()).orElse(false);
            if (!receives) return;
            try {
                int n = bundleServices.province().refreshSummaries();
                if (n > 0) LOG.info("province figures: summary computed for {} district(s)", n);
            } catch (RuntimeException e) {
                // the figures are then computed on the fly: slower, never wrong
                LOG.warn("province figures: summary not refreshed: {}", e.toString());
            }
        };
        summaries.run();
        db.onReplaced(summaries);
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
        if (id.lindungdesa.persistence.ServerAddress.isServer(path)) {
            var server = SecureOpener.serverAddress(path);
            return new Services(Database.openServer(server, SecureOpener.localBase(server), Database.Options.of(program)),
                    Clock.systemDefaultZone());
        }
        return new Services(Database.open(path, Database.Options.of(program)), Clock.systemDefaultZone());
    }

    public Database database() { return db; }

    public Clock clock() { return clock; }

    /** Who is recorded in the audit trail: the signed-in user's name (issue 17), else the office's clerk. */
    public String actor() { return audit.actor(); }

    public void setActor(String actor) { this.actor.set(actor); }

    public AuditLog audit() { return audit; }

    /** The office's users and who is signed in (issue 17). */
    public id.lindungdesa.service.UserService users() { return users; }

    public id.lindungdesa.service.Session session() { return session; }

    public OfficeService office() { return office; }

    public RegionService regions() { return regions; }

    public RosterService roster() { return roster; }

    public EnrolmentService enrolments() { return enrolments; }

    public id.lindungdesa.service.RosterUndo undo() { return undo; }

    public StatsService stats() { return stats; }

    public DemoService demo() { return demo; }

    public TargetService targets() { return targets; }

    public AgreementService agreements() { return agreements; }

    public MonevService monev() { return monev; }

    public AlertService alerts() { return alerts; }
    public CoverageService coverage() { return coverage; }

    @Override
    public java.util.Optional<java.time.LocalDate> referencePackExpiredOn(java.time.LocalDate on) {
        return bundles().refpacks().expiredOn(on); // issue 18: the note the coverage reports carry
    }

    public BudgetService budget() { return budget; }

    public LedgerService ledger() { return ledger; }

    /** The district's figures from the database (issue 14; benches and tests compare them). */
    public id.lindungdesa.service.DistrictFigures figures() { return figures; }
    /** Roster import from spreadsheets (issue 4). */
    public id.lindungdesa.imports.RosterImportService imports() { return imports; }
    /** Signed bundles: keys, trust registry, export, import, receipts, province dashboard. */
    public id.lindungdesa.bundle.BundleServices bundles() { return bundles; }
    /** Field visits (issue 15): packages for kecamatan officers. */
    public id.lindungdesa.field.FieldServices field() { return field; }
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
