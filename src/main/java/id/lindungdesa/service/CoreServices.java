package id.lindungdesa.service;

import id.lindungdesa.domain.Office;
import id.lindungdesa.persistence.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The core use cases of one open database: what features (bundles, reports, demo content…) receive instead of the
 * composition root, so {@code service} and the features never know {@code wiring.Services} (which implements this
 * interface, so callers can pass it as it is). The composition root builds a {@link Parts} for what it constructs
 * itself, so no half-built object is handed out.
 */
public interface CoreServices {
    Database database();

    Clock clock();

    /** Who is recorded in the audit trail (the office's clerk). */
    String actor();

    /** The office, read when the database was opened and updated at set-up. */
    Optional<Office> currentOffice();

    AuditLog audit();

    OfficeService office();

    RegionService regions();

    RosterService roster();

    EnrolmentService enrolments();

    TargetService targets();

    AgreementService agreements();

    MonevService monev();

    CoverageService coverage();

    BudgetService budget();

    LedgerService ledger();

    /**
     * Issue 18 (freeze): the expiry date of the province reference pack in force when it had expired on {@code on},
     * for the note reports carry ("Data acuan provinsi kedaluwarsa sejak …"); empty while it is in force or when
     * there is none. The composition root answers it from the bundle feature.
     */
    default Optional<java.time.LocalDate> referencePackExpiredOn(java.time.LocalDate on) {
        return Optional.empty();
    }

    /** The core services as built, one by one, by the composition root. */
    record Parts(Database database, Clock clock, Supplier<String> actorSource,
                 Supplier<Optional<Office>> officeSource, AuditLog audit, OfficeService office,
                 RegionService regions, RosterService roster, EnrolmentService enrolments, TargetService targets,
                 AgreementService agreements, MonevService monev, CoverageService coverage, BudgetService budget,
                 LedgerService ledger) implements CoreServices {

        @Override
        public String actor() { return actorSource.get(); }

        @Override
        public Optional<Office> currentOffice() { return officeSource.get(); }
    }
}
