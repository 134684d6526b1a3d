package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ADDENDUM;
import static id.lindungdesa.persistence.jooq.Tables.ADDENDUM_CHANGE;
import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT;
import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT_ATTACHMENT;
import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT_LEGAL_BASIS;
import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT_PARTY;
import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT_TERM;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.AttachmentInfo;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Agreements (PKS), their parties, legal bases, coverage terms, scanned document and addenda. */
public final class AgreementRepository {

    // ------------------------------------------------------------------ agreements

    public void insert(Tx tx, Agreement a, OffsetDateTime now) {
        tx.dsl().insertInto(AGREEMENT)
                .set(AGREEMENT.ID, a.id()).set(AGREEMENT.VERSION, a.version())
                .set(AGREEMENT.AGREEMENT_NUMBER, a.number()).set(AGREEMENT.TITLE, a.title())
                .set(AGREEMENT.SIGNING_DATE, a.signingDate()).set(AGREEMENT.VALID_FROM, a.validFrom())
                .set(AGREEMENT.VALID_TO, a.validTo()).set(AGREEMENT.BUDGET_CEILING, a.budgetCeiling())
                .set(AGREEMENT.NOTES, a.notes()).set(AGREEMENT.MONEV_INTERVAL_MONTHS, a.monevIntervalMonths())
                .set(AGREEMENT.RENEWS_AGREEMENT_ID, a.renewsId())
                .set(AGREEMENT.CREATED_AT, now).set(AGREEMENT.UPDATED_AT, now)
                .execute();
        insertChildren(tx, a);
    }

    /** Updates an agreement (children replaced); the version must match. Returns the stored result. */
    public Agreement update(Tx tx, Agreement a, OffsetDateTime now) {
        int n = tx.dsl().update(AGREEMENT)
                .set(AGREEMENT.VERSION, a.version() + 1)
                .set(AGREEMENT.AGREEMENT_NUMBER, a.number()).set(AGREEMENT.TITLE, a.title())
                .set(AGREEMENT.SIGNING_DATE, a.signingDate()).set(AGREEMENT.VALID_FROM, a.validFrom())
                .set(AGREEMENT.VALID_TO, a.validTo()).set(AGREEMENT.BUDGET_CEILING, a.budgetCeiling())
                .set(AGREEMENT.NOTES, a.notes()).set(AGREEMENT.MONEV_INTERVAL_MONTHS, a.monevIntervalMonths())
                .set(AGREEMENT.RENEWS_AGREEMENT_ID, a.renewsId()).set(AGREEMENT.UPDATED_AT, now)
                .where(AGREEMENT.ID.eq(a.id()).and(AGREEMENT.VERSION.eq(a.version()))
                        .and(AGREEMENT.DELETED_AT.isNull()))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "agreement", a.id(), a.version());
        tx.dsl().deleteFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.AGREEMENT_ID.eq(a.id())).execute();
        tx.dsl().deleteFrom(AGREEMENT_LEGAL_BASIS).where(AGREEMENT_LEGAL_BASIS.AGREEMENT_ID.eq(a.id())).execute();
        tx.dsl().deleteFrom(AGREEMENT_TERM).where(AGREEMENT_TERM.AGREEMENT_ID.eq(a.id())).execute();
        insertChildren(tx, a);
        return find(tx, a.id()).orElseThrow();
    }

    /** Bumps the version (the document or an addendum changed: a change of the agreement for merges). */
    public void touch(Tx tx, UUID id, OffsetDateTime now) {
        tx.dsl().update(AGREEMENT).set(AGREEMENT.VERSION, AGREEMENT.VERSION.plus(1)).set(AGREEMENT.UPDATED_AT, now)
                .where(AGREEMENT.ID.eq(id)).execute();
    }

    public void tombstone(Tx tx, UUID id, int version, String reason, OffsetDateTime now) {
        int n = tx.dsl().update(AGREEMENT).set(AGREEMENT.VERSION, version + 1).set(AGREEMENT.DELETED_AT, now)
                .set(AGREEMENT.DELETED_REASON, reason).set(AGREEMENT.UPDATED_AT, now)
                .where(AGREEMENT.ID.eq(id).and(AGREEMENT.VERSION.eq(version)).and(AGREEMENT.DELETED_AT.isNull()))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "agreement", id, version);
    }

    private void insertChildren(Tx tx, Agreement a) {
        int i = 0;
        for (AgreementParty p : a.parties()) {
            tx.dsl().insertInto(AGREEMENT_PARTY).set(AGREEMENT_PARTY.AGREEMENT_ID, a.id())
                    .set(AGREEMENT_PARTY.ORDINAL, i++).set(AGREEMENT_PARTY.PARTY_ROLE, p.role())
                    .set(AGREEMENT_PARTY.PARTY_NAME, p.name()).set(AGREEMENT_PARTY.SIGNATORY, p.signatory())
                    .execute();
        }
        i = 0;
        for (String ref : a.legalBases()) {
            tx.dsl().insertInto(AGREEMENT_LEGAL_BASIS).set(AGREEMENT_LEGAL_BASIS.AGREEMENT_ID, a.id())
                    .set(AGREEMENT_LEGAL_BASIS.ORDINAL, i++).set(AGREEMENT_LEGAL_BASIS.REFERENCE, ref).execute();
        }
        i = 0;
        for (CoverageTerm t : a.terms()) {
            tx.dsl().insertInto(AGREEMENT_TERM).set(AGREEMENT_TERM.AGREEMENT_ID, a.id())
                    .set(AGREEMENT_TERM.ORDINAL, i++).set(AGREEMENT_TERM.CATEGORY, t.category().name())
                    .set(AGREEMENT_TERM.FUNDING_SOURCE, t.fundingSource().name())
                    .set(AGREEMENT_TERM.PROGRAMMES, programmes(t))
                    .set(AGREEMENT_TERM.WAGE_BASE, t.wageBase())
                    .set(AGREEMENT_TERM.MONTHLY_CONTRIBUTION, t.monthlyContribution()).execute();
        }
    }

    public Optional<Agreement> find(Tx tx, UUID id) {
        return list(tx, id).stream().findFirst();
    }

    /** All live agreements, by start date. */
    public List<Agreement> all(Tx tx) {
        return list(tx, null);
    }

    private List<Agreement> list(Tx tx, UUID only) {
        var cond = AGREEMENT.DELETED_AT.isNull();
        if (only != null) cond = cond.and(AGREEMENT.ID.eq(only));
        var rows = tx.dsl().selectFrom(AGREEMENT).where(cond)
                .orderBy(AGREEMENT.VALID_FROM, AGREEMENT.AGREEMENT_NUMBER).fetch();
        if (rows.isEmpty()) return List.of();
        List<UUID> ids = rows.map(r -> r.getId());
        Map<UUID, List<AgreementParty>> parties = new HashMap<>();
        tx.dsl().selectFrom(AGREEMENT_PARTY).where(AGREEMENT_PARTY.AGREEMENT_ID.in(ids))
                .orderBy(AGREEMENT_PARTY.ORDINAL)
                .forEach(r -> parties.computeIfAbsent(r.getAgreementId(), k -> new ArrayList<>())
                        .add(new AgreementParty(r.getPartyRole(), r.getPartyName(), r.getSignatory())));
        Map<UUID, List<String>> bases = new HashMap<>();
        tx.dsl().selectFrom(AGREEMENT_LEGAL_BASIS).where(AGREEMENT_LEGAL_BASIS.AGREEMENT_ID.in(ids))
                .orderBy(AGREEMENT_LEGAL_BASIS.ORDINAL)
                .forEach(r -> bases.computeIfAbsent(r.getAgreementId(), k -> new ArrayList<>()).add(r.getReference()));
        Map<UUID, List<CoverageTerm>> terms = new HashMap<>();
        tx.dsl().selectFrom(AGREEMENT_TERM).where(AGREEMENT_TERM.AGREEMENT_ID.in(ids))
                .orderBy(AGREEMENT_TERM.ORDINAL)
                .forEach(r -> terms.computeIfAbsent(r.getAgreementId(), k -> new ArrayList<>())
                        .add(term(r.getCategory(), r.getFundingSource(), r.getProgrammes(), r.getWageBase(),
                                r.getMonthlyContribution())));
        Map<UUID, AttachmentInfo> attachments = new HashMap<>();
        tx.dsl().select(AGREEMENT_ATTACHMENT.AGREEMENT_ID, AGREEMENT_ATTACHMENT.FILE_NAME,
                        AGREEMENT_ATTACHMENT.MEDIA_TYPE, AGREEMENT_ATTACHMENT.SIZE_BYTES, AGREEMENT_ATTACHMENT.SHA256,
                        AGREEMENT_ATTACHMENT.ADDED_AT)
                .from(AGREEMENT_ATTACHMENT).where(AGREEMENT_ATTACHMENT.AGREEMENT_ID.in(ids))
                .forEach(r -> attachments.put(r.value1(), new AttachmentInfo(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6())));
        return rows.map(r -> new Agreement(r.getId(), r.getVersion(), r.getAgreementNumber(), r.getTitle(),
                parties.getOrDefault(r.getId(), List.of()), r.getSigningDate(), r.getValidFrom(), r.getValidTo(),
                bases.getOrDefault(r.getId(), List.of()), terms.getOrDefault(r.getId(), List.of()),
                r.getBudgetCeiling(), r.getNotes(), r.getMonevIntervalMonths(), r.getRenewsAgreementId(),
                attachments.get(r.getId())));
    }

    // ------------------------------------------------------------------ attachment

    /** Stores (or replaces) the scanned document. */
    public void putAttachment(Tx tx, UUID agreementId, AttachmentInfo info, byte[] content) {
        tx.dsl().deleteFrom(AGREEMENT_ATTACHMENT).where(AGREEMENT_ATTACHMENT.AGREEMENT_ID.eq(agreementId)).execute();
        tx.dsl().insertInto(AGREEMENT_ATTACHMENT).set(AGREEMENT_ATTACHMENT.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_ATTACHMENT.FILE_NAME, info.fileName()).set(AGREEMENT_ATTACHMENT.MEDIA_TYPE, info.mediaType())
                .set(AGREEMENT_ATTACHMENT.SIZE_BYTES, info.sizeBytes()).set(AGREEMENT_ATTACHMENT.SHA256, info.sha256())
                .set(AGREEMENT_ATTACHMENT.CONTENT, content).set(AGREEMENT_ATTACHMENT.ADDED_AT, info.addedAt())
                .execute();
    }

    /** The stored bytes of the document, if any. */
    public Optional<byte[]> attachmentContent(Tx tx, UUID agreementId) {
        return tx.dsl().select(AGREEMENT_ATTACHMENT.CONTENT).from(AGREEMENT_ATTACHMENT)
                .where(AGREEMENT_ATTACHMENT.AGREEMENT_ID.eq(agreementId)).fetchOptional(r -> r.value1());
    }

    // ------------------------------------------------------------------ addenda

    public void insertAddendum(Tx tx, Addendum a, OffsetDateTime now) {
        tx.dsl().insertInto(ADDENDUM)
                .set(ADDENDUM.ID, a.id()).set(ADDENDUM.VERSION, a.version()).set(ADDENDUM.AGREEMENT_ID, a.agreementId())
                .set(ADDENDUM.ADDENDUM_NUMBER, a.number()).set(ADDENDUM.SIGNING_DATE, a.signingDate())
                .set(ADDENDUM.EFFECTIVE_DATE, a.effectiveDate()).set(ADDENDUM.NEW_VALID_TO, a.newValidTo())
                .set(ADDENDUM.NEW_BUDGET_CEILING, a.newBudgetCeiling()).set(ADDENDUM.NOTES, a.notes())
                .set(ADDENDUM.CREATED_AT, now).set(ADDENDUM.UPDATED_AT, now)
                .execute();
        int i = 0;
        for (AddendumChange c : a.changes()) {
            CoverageTerm t = c.term();
            tx.dsl().insertInto(ADDENDUM_CHANGE).set(ADDENDUM_CHANGE.ADDENDUM_ID, a.id())
                    .set(ADDENDUM_CHANGE.ORDINAL, i++).set(ADDENDUM_CHANGE.CHANGE_KIND, c.kind().name())
                    .set(ADDENDUM_CHANGE.CATEGORY, t.category().name())
                    .set(ADDENDUM_CHANGE.FUNDING_SOURCE, t.fundingSource().name())
                    .set(ADDENDUM_CHANGE.PROGRAMMES, programmes(t)).set(ADDENDUM_CHANGE.WAGE_BASE, t.wageBase())
                    .set(ADDENDUM_CHANGE.MONTHLY_CONTRIBUTION, t.monthlyContribution()).execute();
        }
    }

    public void tombstoneAddendum(Tx tx, UUID id, int version, String reason, OffsetDateTime now) {
        int n = tx.dsl().update(ADDENDUM).set(ADDENDUM.VERSION, version + 1).set(ADDENDUM.DELETED_AT, now)
                .set(ADDENDUM.DELETED_REASON, reason).set(ADDENDUM.UPDATED_AT, now)
                .where(ADDENDUM.ID.eq(id).and(ADDENDUM.VERSION.eq(version)).and(ADDENDUM.DELETED_AT.isNull()))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "addendum", id, version);
    }

    /** Every live addendum of live agreements. */
    public List<Addendum> allAddenda(Tx tx) {
        var rows = tx.dsl().select(ADDENDUM.fields()).from(ADDENDUM).join(AGREEMENT)
                .on(AGREEMENT.ID.eq(ADDENDUM.AGREEMENT_ID))
                .where(ADDENDUM.DELETED_AT.isNull()).and(AGREEMENT.DELETED_AT.isNull())
                .orderBy(ADDENDUM.EFFECTIVE_DATE).fetch().into(ADDENDUM);
        if (rows.isEmpty()) return List.of();
        Map<UUID, List<AddendumChange>> changes = tx.dsl().selectFrom(ADDENDUM_CHANGE)
                .where(ADDENDUM_CHANGE.ADDENDUM_ID.in(rows.map(r -> r.getId())))
                .orderBy(ADDENDUM_CHANGE.ADDENDUM_ID, ADDENDUM_CHANGE.ORDINAL).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getAddendumId(), Collectors.mapping(
                        r -> new AddendumChange(AddendumChange.Kind.valueOf(r.getChangeKind()),
                                term(r.getCategory(), r.getFundingSource(), r.getProgrammes(), r.getWageBase(),
                                        r.getMonthlyContribution())), Collectors.toList())));
        return rows.map(r -> new Addendum(r.getId(), r.getVersion(), r.getAgreementId(), r.getAddendumNumber(),
                r.getSigningDate(), r.getEffectiveDate(), r.getNewValidTo(), r.getNewBudgetCeiling(),
                changes.getOrDefault(r.getId(), List.of()), r.getNotes()));
    }

    private static String programmes(CoverageTerm t) {
        return t.programmes().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static CoverageTerm term(String category, String source, String programmes, Long wage, Long monthly) {
        return new CoverageTerm(Category.valueOf(category), FundingSource.valueOf(source),
                CoverageTerm.parseProgrammes(programmes), wage, monthly);
    }
}
