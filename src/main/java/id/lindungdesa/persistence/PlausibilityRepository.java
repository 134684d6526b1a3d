package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.CONTRIBUTION_RATE;
import static id.lindungdesa.persistence.jooq.Tables.PLAUSIBILITY_LIMIT;

import id.lindungdesa.domain.Plausibility;
import java.time.LocalDate;

/** Reads the plausibility limits in force on a date (migration V65) and the JP wage cap they multiply. */
public final class PlausibilityRepository {

    public Plausibility on(Tx tx, LocalDate on) {
        Plausibility fb = Plausibility.fallback(on);
        long min = value(tx, "WAGE_BASE_MIN", on, fb.wageMin());
        long multiple = value(tx, "WAGE_BASE_CAP_MULTIPLE", on, 10);
        int birth = (int) value(tx, "BIRTH_YEAR_MIN", on, fb.birthYearMin());
        Long cap = tx.dsl().select(CONTRIBUTION_RATE.WAGE_CAP).from(CONTRIBUTION_RATE)
                .where(CONTRIBUTION_RATE.PROGRAMME.eq("JP").and(CONTRIBUTION_RATE.WAGE_CAP.isNotNull())
                        .and(CONTRIBUTION_RATE.VALID_FROM.le(on)))
                .orderBy(CONTRIBUTION_RATE.VALID_FROM.desc()).limit(1).fetchOne(CONTRIBUTION_RATE.WAGE_CAP);
        long max = cap == null ? fb.wageMax() : Math.multiplyExact(cap, multiple);
        return new Plausibility(on, min, max, birth);
    }

    private static long value(Tx tx, String key, LocalDate on, long fallback) {
        Long v = tx.dsl().select(PLAUSIBILITY_LIMIT.AMOUNT).from(PLAUSIBILITY_LIMIT)
                .where(PLAUSIBILITY_LIMIT.LIMIT_KEY.eq(key).and(PLAUSIBILITY_LIMIT.VALID_FROM.le(on)))
                .orderBy(PLAUSIBILITY_LIMIT.VALID_FROM.desc()).limit(1).fetchOne(PLAUSIBILITY_LIMIT.AMOUNT);
        return v == null ? fallback : v;
    }
}
