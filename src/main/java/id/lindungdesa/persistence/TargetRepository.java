package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.COVERAGE_TARGET;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import java.time.OffsetDateTime;
import java.util.List;

/** Yearly coverage targets. */
public final class TargetRepository {

    public List<CoverageTarget> all(Tx tx) {
        return tx.dsl().selectFrom(COVERAGE_TARGET)
                .orderBy(COVERAGE_TARGET.REGION_CODE, COVERAGE_TARGET.TARGET_YEAR, COVERAGE_TARGET.CATEGORY)
                .fetch(r -> new CoverageTarget(r.getId(), r.getRegionCode(), r.getTargetYear(),
                        r.getCategory() == null ? null : Category.valueOf(r.getCategory()), r.getTargetPercent(),
                        r.getSource()));
    }

    /** Replaces the target for (region, year, category). */
    public void put(Tx tx, CoverageTarget t, OffsetDateTime now) {
        var cat = t.category() == null ? COVERAGE_TARGET.CATEGORY.isNull()
                : COVERAGE_TARGET.CATEGORY.eq(t.category().name());
        tx.dsl().deleteFrom(COVERAGE_TARGET).where(COVERAGE_TARGET.REGION_CODE.eq(t.regionCode()))
                .and(COVERAGE_TARGET.TARGET_YEAR.eq(t.year())).and(cat).execute();
        tx.dsl().insertInto(COVERAGE_TARGET)
                .set(COVERAGE_TARGET.ID, t.id()).set(COVERAGE_TARGET.REGION_CODE, t.regionCode())
                .set(COVERAGE_TARGET.TARGET_YEAR, t.year())
                .set(COVERAGE_TARGET.CATEGORY, t.category() == null ? null : t.category().name())
                .set(COVERAGE_TARGET.TARGET_PERCENT, t.percent()).set(COVERAGE_TARGET.SOURCE, t.source())
                .set(COVERAGE_TARGET.UPDATED_AT, now)
                .execute();
    }
}
