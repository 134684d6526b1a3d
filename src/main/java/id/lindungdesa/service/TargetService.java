package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.Region;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.TargetRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Yearly coverage targets. The target that applies to a region is the one set for the region itself, else for its
 * nearest ancestor (a district inherits its province's); a category-specific target wins over an all-categories one.
 */
public final class TargetService {
    private final Database db;
    private final TargetRepository repo;
    private final Clock clock;
    private final AuditLog audit;

    public TargetService(Database db, TargetRepository repo, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.audit = audit;
    }

    public List<CoverageTarget> all() {
        return db.read(repo::all);
    }

    public CoverageTarget set(String regionCode, int year, Category category, BigDecimal percent, String source) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        if (!Region.isValidCode(regionCode)) throw ValidationException.of("region", "office.error.code", regionCode);
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ValidationException.of("percent", "target.error.percent");
        }
        if (year < 2000 || year > 2100) throw ValidationException.of("year", "target.error.year");
        boolean fromProvince = all().stream().anyMatch(x -> fromProvincePack(x) && x.year() == year
                && x.category() == category && Region.within(regionCode, x.regionCode()));
        if (fromProvince) throw ValidationException.of("percent", "refpack.error.targetReadOnly", year);
        CoverageTarget t = new CoverageTarget(UUID.randomUUID(), regionCode, year, category, percent, source);
        db.writeVoid(tx -> {
            repo.put(tx, t, OffsetDateTime.now(clock));
            audit.record(tx, "UPDATE", "coverage_target", t.id(), null, null, "Target cakupan " + regionCode + " "
                    + year + (category == null ? "" : " " + category.labelId()) + ": " + percent + "%", null, t);
        });
        return t;
    }

    /** Applied from a province reference pack (issue 18): source {@code provinsi:paket:N}. */
    public static boolean fromProvincePack(CoverageTarget t) {
        return t.source() != null && t.source().startsWith("provinsi:paket:");
    }

    /** The target in force for a region, year and category, if any (see class comment). */
    public Optional<CoverageTarget> targetFor(String regionCode, int year, Category category) {
        List<CoverageTarget> all = all();
        // a target from the province's signed reference pack decides (read-only at the district, issue 18)
        Comparator<CoverageTarget> nearest = Comparator.comparing(TargetService::fromProvincePack)
                .thenComparingInt((CoverageTarget t) -> t.regionCode().length())
                .thenComparing(t -> t.category() != null);
        return all.stream()
                .filter(t -> t.year() == year && Region.within(regionCode, t.regionCode()))
                .filter(t -> t.category() == null || t.category() == category)
                .max(nearest);
    }
}
