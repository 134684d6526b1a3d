package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.CONTRIBUTION_PAYMENT;

import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Payment;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;

/** Contribution payments (the ledger's "paid" side). */
public final class LedgerRepository {

    public List<Payment> all(Tx tx) {
        return tx.dsl().selectFrom(CONTRIBUTION_PAYMENT).where(CONTRIBUTION_PAYMENT.DELETED_AT.isNull())
                .orderBy(CONTRIBUTION_PAYMENT.PERIOD_MONTH, CONTRIBUTION_PAYMENT.FUNDING_SOURCE,
                        CONTRIBUTION_PAYMENT.SCOPE_CODE)
                .fetch(LedgerRepository::map);
    }

    public Optional<Payment> find(Tx tx, YearMonth month, FundingSource source, String scope) {
        return tx.dsl().selectFrom(CONTRIBUTION_PAYMENT)
                .where(CONTRIBUTION_PAYMENT.DELETED_AT.isNull())
                .and(CONTRIBUTION_PAYMENT.PERIOD_MONTH.eq(month.atDay(1)))
                .and(CONTRIBUTION_PAYMENT.FUNDING_SOURCE.eq(source.name()))
                .and(CONTRIBUTION_PAYMENT.SCOPE_CODE.eq(scope))
                .fetchOptional(LedgerRepository::map);
    }

    public void insertAll(Tx tx, Collection<Payment> payments) {
        if (payments.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(CONTRIBUTION_PAYMENT, CONTRIBUTION_PAYMENT.ID,
                        CONTRIBUTION_PAYMENT.VERSION, CONTRIBUTION_PAYMENT.PERIOD_MONTH,
                        CONTRIBUTION_PAYMENT.FUNDING_SOURCE, CONTRIBUTION_PAYMENT.SCOPE_CODE,
                        CONTRIBUTION_PAYMENT.AMOUNT_PAID, CONTRIBUTION_PAYMENT.PAID_DATE, CONTRIBUTION_PAYMENT.NOTE,
                        CONTRIBUTION_PAYMENT.RECORDED_AT, CONTRIBUTION_PAYMENT.RECORDED_BY)
                .values((UUID) null, null, null, null, null, null, null, null, null, null));
        for (Payment p : payments) {
            batch = batch.bind(p.id(), p.version(), p.month().atDay(1), p.fundingSource().name(), p.scopeCode(),
                    p.amountPaid(), p.paidDate(), p.note(), p.recordedAt(), p.recordedBy());
        }
        batch.execute();
    }

    /** Replaces the amount of an existing payment (version must match). */
    public void update(Tx tx, Payment p, OffsetDateTime now) {
        int n = tx.dsl().update(CONTRIBUTION_PAYMENT)
                .set(CONTRIBUTION_PAYMENT.VERSION, p.version() + 1)
                .set(CONTRIBUTION_PAYMENT.AMOUNT_PAID, p.amountPaid())
                .set(CONTRIBUTION_PAYMENT.PAID_DATE, p.paidDate())
                .set(CONTRIBUTION_PAYMENT.NOTE, p.note())
                .set(CONTRIBUTION_PAYMENT.RECORDED_AT, now)
                .set(CONTRIBUTION_PAYMENT.RECORDED_BY, p.recordedBy())
                .where(CONTRIBUTION_PAYMENT.ID.eq(p.id()).and(CONTRIBUTION_PAYMENT.VERSION.eq(p.version())))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "contribution_payment", p.id(), p.version());
    }

    static Payment map(Record rec) {
        var r = rec.into(CONTRIBUTION_PAYMENT);
        return new Payment(r.getId(), r.getVersion(), YearMonth.from(r.getPeriodMonth()),
                FundingSource.valueOf(r.getFundingSource()), r.getScopeCode(), r.getAmountPaid(), r.getPaidDate(),
                r.getNote(), r.getRecordedAt(), r.getRecordedBy());
    }
}
