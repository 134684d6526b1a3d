package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT_STATUS;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.persistence.jooq.tables.records.EnrolmentRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Enrolments and their status history. */
public final class EnrolmentRepository {

    public void insertAll(Tx tx, Collection<Enrolment> enrolments, OffsetDateTime now) {
        if (enrolments.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(ENROLMENT, ENROLMENT.ID, ENROLMENT.VERSION,
                        ENROLMENT.PERSON_ID, ENROLMENT.POST_ID, ENROLMENT.KPJ, ENROLMENT.SEGMENT, ENROLMENT.JKK,
                        ENROLMENT.JKM, ENROLMENT.JHT, ENROLMENT.JP, ENROLMENT.JKK_RISK_CLASS, ENROLMENT.WAGE_BASE,
                        ENROLMENT.FUNDING_SOURCE, ENROLMENT.CREATED_AT, ENROLMENT.UPDATED_AT)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
        for (Enrolment e : enrolments) {
            batch = batch.bind(e.id(), e.version(), e.personId(), e.postId(), e.kpj(), e.segment().name(),
                    e.programmes().contains(Programme.JKK), e.programmes().contains(Programme.JKM),
                    e.programmes().contains(Programme.JHT), e.programmes().contains(Programme.JP), e.jkkRiskClass(),
                    e.wageBase(), e.fundingSource().name(), now, now);
        }
        batch.execute();
    }

    public void insert(Tx tx, Enrolment e, OffsetDateTime now) {
        insertAll(tx, List.of(e), now);
    }

    public Enrolment update(Tx tx, Enrolment e, OffsetDateTime now) {
        int n = tx.dsl().update(ENROLMENT)
                .set(ENROLMENT.VERSION, e.version() + 1)
                .set(ENROLMENT.POST_ID, e.postId()).set(ENROLMENT.KPJ, e.kpj())
                .set(ENROLMENT.SEGMENT, e.segment().name())
                .set(ENROLMENT.JKK, e.programmes().contains(Programme.JKK))
                .set(ENROLMENT.JKM, e.programmes().contains(Programme.JKM))
                .set(ENROLMENT.JHT, e.programmes().contains(Programme.JHT))
                .set(ENROLMENT.JP, e.programmes().contains(Programme.JP))
                .set(ENROLMENT.JKK_RISK_CLASS, e.jkkRiskClass()).set(ENROLMENT.WAGE_BASE, e.wageBase())
                .set(ENROLMENT.FUNDING_SOURCE, e.fundingSource().name()).set(ENROLMENT.UPDATED_AT, now)
                .where(ENROLMENT.ID.eq(e.id()).and(ENROLMENT.VERSION.eq(e.version())))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "enrolment", e.id(), e.version());
        return find(tx, e.id()).orElseThrow();
    }

    /** Bumps the version (a status change is a change of the enrolment for merges and bundles). */
    public void touch(Tx tx, UUID id, OffsetDateTime now) {
        tx.dsl().update(ENROLMENT).set(ENROLMENT.VERSION, ENROLMENT.VERSION.plus(1)).set(ENROLMENT.UPDATED_AT, now)
                .where(ENROLMENT.ID.eq(id)).execute();
    }

    /** Removes an enrolment (a tombstone with a reason, a new version); its status history stays. */
    public void tombstone(Tx tx, UUID id, int version, String reason, OffsetDateTime now) {
        int n = tx.dsl().update(ENROLMENT).set(ENROLMENT.VERSION, version + 1).set(ENROLMENT.DELETED_AT, now)
                .set(ENROLMENT.DELETED_REASON, reason).set(ENROLMENT.UPDATED_AT, now)
                .where(ENROLMENT.ID.eq(id).and(ENROLMENT.VERSION.eq(version))).execute();
        if (n != 1) throw new StaleRecordException("enrolment", id, version);
    }

    public Optional<Enrolment> find(Tx tx, UUID id) {
        return tx.dsl().selectFrom(ENROLMENT).where(ENROLMENT.ID.eq(id).and(ENROLMENT.DELETED_AT.isNull()))
                .fetchOptional(EnrolmentRepository::map);
    }

    public List<Enrolment> byPerson(Tx tx, UUID personId) {
        return tx.dsl().selectFrom(ENROLMENT)
                .where(ENROLMENT.PERSON_ID.eq(personId).and(ENROLMENT.DELETED_AT.isNull()))
                .orderBy(ENROLMENT.CREATED_AT).fetch(EnrolmentRepository::map);
    }

    /** Enrolments of people holding (or having held) a post within {@code prefix}. */
    public List<Enrolment> listWithin(Tx tx, String prefix) {
        return tx.dsl().selectFrom(ENROLMENT)
                .where(ENROLMENT.DELETED_AT.isNull()).and(personWithin(prefix))
                .fetch(EnrolmentRepository::map);
    }

    /** The enrolment's person holds (or held) a post within {@code prefix}; no condition for the whole database. */
    private static Condition personWithin(String prefix) {
        if (prefix == null || prefix.isEmpty()) return DSL.trueCondition();
        return DSL.exists(DSL.selectOne().from(POST).where(POST.PERSON_ID.eq(ENROLMENT.PERSON_ID))
                .and(PostRepository.villageWithin(prefix)).and(POST.DELETED_AT.isNull()));
    }

    /** Enrolments of the given people. */
    public List<Enrolment> byPersons(Tx tx, Collection<UUID> personIds) {
        List<Enrolment> out = new java.util.ArrayList<>();
        for (List<UUID> chunk : Chunks.of(personIds)) {
            out.addAll(tx.dsl().selectFrom(ENROLMENT).where(ENROLMENT.PERSON_ID.in(chunk))
                    .and(ENROLMENT.DELETED_AT.isNull()).fetch(EnrolmentRepository::map));
        }
        return out;
    }

    /** Status histories of the given enrolments, oldest first. */
    public List<EnrolmentStatus> historiesOf(Tx tx, Collection<UUID> enrolmentIds) {
        List<EnrolmentStatus> out = new java.util.ArrayList<>();
        for (List<UUID> chunk : Chunks.of(enrolmentIds)) {
            out.addAll(tx.dsl().selectFrom(ENROLMENT_STATUS).where(ENROLMENT_STATUS.ENROLMENT_ID.in(chunk))
                    .fetch(EnrolmentRepository::mapStatus));
        }
        out.sort(java.util.Comparator.comparing(EnrolmentStatus::effectiveDate)
                .thenComparing(EnrolmentStatus::recordedAt));
        return out;
    }

    public void addStatus(Tx tx, EnrolmentStatus s) {
        addStatuses(tx, List.of(s));
    }

    public void addStatuses(Tx tx, Collection<EnrolmentStatus> statuses) {
        if (statuses.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(ENROLMENT_STATUS, ENROLMENT_STATUS.ID,
                        ENROLMENT_STATUS.ENROLMENT_ID, ENROLMENT_STATUS.STATUS, ENROLMENT_STATUS.EFFECTIVE_DATE,
                        ENROLMENT_STATUS.NOTE, ENROLMENT_STATUS.RECORDED_AT, ENROLMENT_STATUS.RECORDED_BY)
                .values((UUID) null, null, null, null, null, null, null));
        for (EnrolmentStatus s : statuses) {
            batch = batch.bind(s.id(), s.enrolmentId(), s.state().name(), s.effectiveDate(), s.note(), s.recordedAt(),
                    s.recordedBy());
        }
        batch.execute();
    }

    public List<EnrolmentStatus> history(Tx tx, UUID enrolmentId) {
        return tx.dsl().selectFrom(ENROLMENT_STATUS).where(ENROLMENT_STATUS.ENROLMENT_ID.eq(enrolmentId))
                .orderBy(ENROLMENT_STATUS.EFFECTIVE_DATE, ENROLMENT_STATUS.RECORDED_AT)
                .fetch(EnrolmentRepository::mapStatus);
    }

    /** Status histories of all enrolments of people with posts within {@code prefix}. */
    public List<EnrolmentStatus> historiesWithin(Tx tx, String prefix) {
        return tx.dsl().select(ENROLMENT_STATUS.fields()).from(ENROLMENT_STATUS)
                .join(ENROLMENT).on(ENROLMENT.ID.eq(ENROLMENT_STATUS.ENROLMENT_ID))
                .where(ENROLMENT.DELETED_AT.isNull()).and(personWithin(prefix))
                .orderBy(ENROLMENT_STATUS.EFFECTIVE_DATE, ENROLMENT_STATUS.RECORDED_AT)
                .fetch(r -> mapStatus(r.into(ENROLMENT_STATUS)));
    }

    static Enrolment map(EnrolmentRecord r) {
        EnumSet<Programme> ps = EnumSet.noneOf(Programme.class);
        if (r.getJkk()) ps.add(Programme.JKK);
        if (r.getJkm()) ps.add(Programme.JKM);
        if (r.getJht()) ps.add(Programme.JHT);
        if (r.getJp()) ps.add(Programme.JP);
        return new Enrolment(r.getId(), r.getVersion(), r.getPersonId(), r.getPostId(), r.getKpj(),
                Segment.valueOf(r.getSegment()), ps, r.getJkkRiskClass(), r.getWageBase(),
                FundingSource.valueOf(r.getFundingSource()));
    }

    static EnrolmentStatus mapStatus(id.lindungdesa.persistence.jooq.tables.records.EnrolmentStatusRecord r) {
        return new EnrolmentStatus(r.getId(), r.getEnrolmentId(), EnrolmentState.valueOf(r.getStatus()),
                r.getEffectiveDate(), r.getNote(), r.getRecordedAt(), r.getRecordedBy());
    }
}
