package id.lindungdesa.service;

import id.lindungdesa.domain.Office;
import id.lindungdesa.persistence.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The core use cases of one open database, as the composition root ({@code wiring.Services}) built them: what
 * features (bundles, demo content…) receive instead of the whole registry, so {@code service} never knows the
 * composition root and no half-built object is handed out.
 */
public record CoreServices(Database database, Clock clock, Supplier<String> actorSource,
                           Supplier<Optional<Office>> officeSource, AuditLog audit, OfficeService office,
                           RegionService regions, RosterService roster, EnrolmentService enrolments,
                           TargetService targets, AgreementService agreements, MonevService monev,
                           CoverageService coverage, LedgerService ledger) {

    /** Who is recorded in the audit trail (the office's clerk). */
    public String actor() { return actorSource.get(); }

    /** The office, read when the database was opened and updated at set-up. */
    public Optional<Office> currentOffice() { return officeSource.get(); }
}
