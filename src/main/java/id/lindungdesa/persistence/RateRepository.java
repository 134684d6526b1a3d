package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.CONTRIBUTION_RATE;
import static id.lindungdesa.persistence.jooq.Tables.WAGE_BASE_DEFAULT;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.WageBaseDefault;
import java.util.List;

/** Dated contribution rates and default wage bases. */
public final class RateRepository {

    public List<ContributionRate> rates(Tx tx) {
        return tx.dsl().selectFrom(CONTRIBUTION_RATE).orderBy(CONTRIBUTION_RATE.VALID_FROM)
                .fetch(r -> new ContributionRate(r.getId(), Segment.valueOf(r.getSegment()),
                        Programme.valueOf(r.getProgramme()), r.getRiskClass(), r.getValidFrom(), r.getRatePercent(),
                        r.getFlatAmount(), r.getMinimumAmount(), r.getWageCap(), r.getNote()));
    }

    public void insertRate(Tx tx, ContributionRate r) {
        tx.dsl().insertInto(CONTRIBUTION_RATE)
                .set(CONTRIBUTION_RATE.ID, r.id()).set(CONTRIBUTION_RATE.SEGMENT, r.segment().name())
                .set(CONTRIBUTION_RATE.PROGRAMME, r.programme().name()).set(CONTRIBUTION_RATE.RISK_CLASS, r.riskClass())
                .set(CONTRIBUTION_RATE.VALID_FROM, r.validFrom()).set(CONTRIBUTION_RATE.RATE_PERCENT, r.ratePercent())
                .set(CONTRIBUTION_RATE.FLAT_AMOUNT, r.flatAmount())
                .set(CONTRIBUTION_RATE.MINIMUM_AMOUNT, r.minimumAmount())
                .set(CONTRIBUTION_RATE.WAGE_CAP, r.wageCap()).set(CONTRIBUTION_RATE.NOTE, r.note())
                .execute();
    }

    /** Replaces every dated rate (an officer's copy takes the district's rates from each field package). */
    public void replaceRates(Tx tx, java.util.Collection<ContributionRate> all) {
        tx.dsl().deleteFrom(CONTRIBUTION_RATE).execute();
        for (ContributionRate r : all) insertRate(tx, r);
    }

    public List<WageBaseDefault> wageBases(Tx tx) {
        return tx.dsl().selectFrom(WAGE_BASE_DEFAULT).orderBy(WAGE_BASE_DEFAULT.VALID_FROM)
                .fetch(r -> new WageBaseDefault(r.getId(), Category.valueOf(r.getCategory()),
                        r.getPosition() == null ? null : Position.valueOf(r.getPosition()), r.getValidFrom(),
                        r.getAmount(), r.getNote()));
    }

    public void insertWageBase(Tx tx, WageBaseDefault w) {
        tx.dsl().insertInto(WAGE_BASE_DEFAULT)
                .set(WAGE_BASE_DEFAULT.ID, w.id()).set(WAGE_BASE_DEFAULT.CATEGORY, w.category().name())
                .set(WAGE_BASE_DEFAULT.POSITION, w.position() == null ? null : w.position().name())
                .set(WAGE_BASE_DEFAULT.VALID_FROM, w.validFrom()).set(WAGE_BASE_DEFAULT.AMOUNT, w.amount())
                .set(WAGE_BASE_DEFAULT.NOTE, w.note())
                .execute();
    }

    /** Replaces the values of a dated rate (a reference pack's correction of the same date, issue 18). */
    public void updateRate(Tx tx, ContributionRate r) {
        tx.dsl().update(CONTRIBUTION_RATE)
                .set(CONTRIBUTION_RATE.RATE_PERCENT, r.ratePercent()).set(CONTRIBUTION_RATE.FLAT_AMOUNT, r.flatAmount())
                .set(CONTRIBUTION_RATE.MINIMUM_AMOUNT, r.minimumAmount())
                .set(CONTRIBUTION_RATE.WAGE_CAP, r.wageCap()).set(CONTRIBUTION_RATE.NOTE, r.note())
                .where(CONTRIBUTION_RATE.ID.eq(r.id()))
                .execute();
    }

    /** Replaces the amount of a dated wage base (issue 18). */
    public void updateWageBase(Tx tx, WageBaseDefault w) {
        tx.dsl().update(WAGE_BASE_DEFAULT)
                .set(WAGE_BASE_DEFAULT.AMOUNT, w.amount()).set(WAGE_BASE_DEFAULT.NOTE, w.note())
                .where(WAGE_BASE_DEFAULT.ID.eq(w.id()))
                .execute();
    }
}
