package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_APPLIED;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_BASE;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_CONFLICT;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_OPENED;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_PACKAGE;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_RETURN_IN;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_RETURN_OUT;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Field visits after the package (issue 15, V120): the officer's base and returns, the district's merges. */
public final class FieldVisitRepository {

    /** A package opened on the officer's side. */
    public record Opened(UUID packageId, long sequence, String districtCode, String districtKeyId,
                         String kecamatanCode, String statementSha256, OffsetDateTime openedAt, String openedBy) {
    }

    /** One record's base: its version and field values as the package carried it. */
    public record Base(String entity, UUID recordId, int version, String fieldsJson) {
    }

    /** A return written by the officer. */
    public record ReturnOut(long sequence, UUID returnId, UUID packageId, String contentSha256, String statementSha256,
                            OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    /** A return merged by the district. */
    public record ReturnIn(UUID returnId, UUID packageId, String officerKeyId, String officerName, long sequence,
                           String statementSha256, int applied, int unchanged, int conflicts, OffsetDateTime mergedAt,
                           String mergedBy) {
    }

    /** A conflict kept by the district. */
    public record Conflict(UUID id, UUID returnId, UUID packageId, String officerKeyId, String officerName,
                           String entity, UUID recordId, String field, String baseValue, String districtValue,
                           String officerValue, String state, String resolution, String resolvedValue,
                           String resolvedBy, OffsetDateTime resolvedAt, OffsetDateTime createdAt) {
    }

    // ---- officer side ----

    public void insertOpened(Tx tx, Opened o) {
        tx.dsl().insertInto(FIELD_OPENED).set(FIELD_OPENED.PACKAGE_ID, o.packageId())
                .set(FIELD_OPENED.SEQUENCE, o.sequence()).set(FIELD_OPENED.DISTRICT_CODE, o.districtCode())
                .set(FIELD_OPENED.DISTRICT_KEY_ID, o.districtKeyId()).set(FIELD_OPENED.KECAMATAN_CODE, o.kecamatanCode())
                .set(FIELD_OPENED.STATEMENT_SHA256, o.statementSha256()).set(FIELD_OPENED.OPENED_AT, o.openedAt())
                .set(FIELD_OPENED.OPENED_BY, o.openedBy()).execute();
    }

    public Optional<Opened> current(Tx tx) {
        return tx.dsl().selectFrom(FIELD_OPENED).orderBy(FIELD_OPENED.SEQUENCE.desc()).limit(1)
                .fetchOptional(r -> new Opened(r.getPackageId(), r.getSequence(), r.getDistrictCode(),
                        r.getDistrictKeyId(), r.getKecamatanCode(), r.getStatementSha256(), r.getOpenedAt(),
                        r.getOpenedBy()));
    }

    public void replaceBase(Tx tx, List<Base> base) {
        tx.dsl().deleteFrom(FIELD_BASE).execute();
        if (base.isEmpty()) return;
        var insert = tx.dsl().batch(tx.dsl().insertInto(FIELD_BASE, FIELD_BASE.ENTITY, FIELD_BASE.RECORD_ID,
                FIELD_BASE.VERSION, FIELD_BASE.FIELDS_JSON).values((String) null, null, null, null));
        for (Base b : base) insert = insert.bind(b.entity(), b.recordId(), b.version(), b.fieldsJson());
        insert.execute();
    }

    public List<Base> base(Tx tx) {
        return tx.dsl().selectFrom(FIELD_BASE).orderBy(FIELD_BASE.ENTITY, FIELD_BASE.RECORD_ID)
                .fetch(r -> new Base(r.getEntity(), r.getRecordId(), r.getVersion(), r.getFieldsJson()));
    }

    public void insertReturnOut(Tx tx, ReturnOut r) {
        tx.dsl().insertInto(FIELD_RETURN_OUT).set(FIELD_RETURN_OUT.SEQUENCE, r.sequence())
                .set(FIELD_RETURN_OUT.RETURN_ID, r.returnId()).set(FIELD_RETURN_OUT.PACKAGE_ID, r.packageId())
                .set(FIELD_RETURN_OUT.CONTENT_SHA256, r.contentSha256())
                .set(FIELD_RETURN_OUT.STATEMENT_SHA256, r.statementSha256())
                .set(FIELD_RETURN_OUT.CREATED_AT, r.createdAt()).execute();
    }

    public Optional<ReturnOut> lastReturnOut(Tx tx) {
        return tx.dsl().selectFrom(FIELD_RETURN_OUT).orderBy(FIELD_RETURN_OUT.SEQUENCE.desc()).limit(1)
                .fetchOptional(FieldVisitRepository::out);
    }

    public Optional<ReturnOut> returnOut(Tx tx, UUID returnId) {
        return tx.dsl().selectFrom(FIELD_RETURN_OUT).where(FIELD_RETURN_OUT.RETURN_ID.eq(returnId))
                .fetchOptional(FieldVisitRepository::out);
    }

    public List<ReturnOut> returnsOut(Tx tx) {
        return tx.dsl().selectFrom(FIELD_RETURN_OUT).orderBy(FIELD_RETURN_OUT.SEQUENCE)
                .fetch(FieldVisitRepository::out);
    }

    public int markDelivered(Tx tx, UUID returnId, OffsetDateTime at) {
        return tx.dsl().update(FIELD_RETURN_OUT).set(FIELD_RETURN_OUT.DELIVERED_AT, at)
                .where(FIELD_RETURN_OUT.RETURN_ID.eq(returnId)).and(FIELD_RETURN_OUT.DELIVERED_AT.isNull()).execute();
    }

    private static ReturnOut out(id.lindungdesa.persistence.jooq.tables.records.FieldReturnOutRecord r) {
        return new ReturnOut(r.getSequence(), r.getReturnId(), r.getPackageId(), r.getContentSha256(),
                r.getStatementSha256(), r.getCreatedAt(), r.getDeliveredAt());
    }

    /** Every live person, post and enrolment of this database (an officer's copy holds one kecamatan). */
    public List<Person> allPeople(Tx tx) {
        return tx.dsl().selectFrom(PERSON).where(PERSON.DELETED_AT.isNull()).orderBy(PERSON.ID)
                .fetch(PersonRepository::map);
    }

    public List<Post> allPosts(Tx tx) {
        return tx.dsl().selectFrom(POST).where(POST.DELETED_AT.isNull()).orderBy(POST.ID).fetch(PostRepository::map);
    }

    public List<Enrolment> allEnrolments(Tx tx) {
        return tx.dsl().selectFrom(ENROLMENT).where(ENROLMENT.DELETED_AT.isNull()).orderBy(ENROLMENT.ID)
                .fetch(EnrolmentRepository::map);
    }

    /** The version of a record, tombstoned or not; empty when it does not exist. */
    public Optional<Integer> anyVersion(Tx tx, String entity, UUID id) {
        return switch (entity) {
            case "person" -> tx.dsl().select(PERSON.VERSION).from(PERSON).where(PERSON.ID.eq(id))
                    .fetchOptional(PERSON.VERSION);
            case "post" -> tx.dsl().select(POST.VERSION).from(POST).where(POST.ID.eq(id)).fetchOptional(POST.VERSION);
            default -> tx.dsl().select(ENROLMENT.VERSION).from(ENROLMENT).where(ENROLMENT.ID.eq(id))
                    .fetchOptional(ENROLMENT.VERSION);
        };
    }

    /** Whether a record exists and is tombstoned. */
    public boolean removed(Tx tx, String entity, UUID id) {
        return switch (entity) {
            case "person" -> tx.dsl().fetchExists(PERSON, PERSON.ID.eq(id).and(PERSON.DELETED_AT.isNotNull()));
            case "post" -> tx.dsl().fetchExists(POST, POST.ID.eq(id).and(POST.DELETED_AT.isNotNull()));
            default -> tx.dsl().fetchExists(ENROLMENT, ENROLMENT.ID.eq(id).and(ENROLMENT.DELETED_AT.isNotNull()));
        };
    }

    /**
     * Brings back a tombstoned record (a field conflict settled for the officer who edited what the district had
     * removed): the tombstone is lifted and the version moves on. Returns whether a removed record was there.
     */
    public boolean restore(Tx tx, String entity, UUID id, OffsetDateTime now) {
        return switch (entity) {
            case "person" -> tx.dsl().update(PERSON).set(PERSON.DELETED_AT, (OffsetDateTime) null)
                    .set(PERSON.DELETED_REASON, (String) null).set(PERSON.VERSION, PERSON.VERSION.plus(1))
                    .set(PERSON.UPDATED_AT, now).where(PERSON.ID.eq(id)).and(PERSON.DELETED_AT.isNotNull())
                    .execute() == 1;
            case "post" -> tx.dsl().update(POST).set(POST.DELETED_AT, (OffsetDateTime) null)
                    .set(POST.DELETED_REASON, (String) null).set(POST.VERSION, POST.VERSION.plus(1))
                    .set(POST.UPDATED_AT, now).where(POST.ID.eq(id)).and(POST.DELETED_AT.isNotNull())
                    .execute() == 1;
            default -> tx.dsl().update(ENROLMENT).set(ENROLMENT.DELETED_AT, (OffsetDateTime) null)
                    .set(ENROLMENT.DELETED_REASON, (String) null).set(ENROLMENT.VERSION, ENROLMENT.VERSION.plus(1))
                    .set(ENROLMENT.UPDATED_AT, now).where(ENROLMENT.ID.eq(id)).and(ENROLMENT.DELETED_AT.isNotNull())
                    .execute() == 1;
        };
    }

    /** Sets a record's version (a refreshed base takes the district's version). */
    public void setVersion(Tx tx, String entity, UUID id, int version) {
        switch (entity) {
            case "person" -> tx.dsl().update(PERSON).set(PERSON.VERSION, version).where(PERSON.ID.eq(id)).execute();
            case "post" -> tx.dsl().update(POST).set(POST.VERSION, version).where(POST.ID.eq(id)).execute();
            default -> tx.dsl().update(ENROLMENT).set(ENROLMENT.VERSION, version).where(ENROLMENT.ID.eq(id))
                    .execute();
        }
    }

    // ---- district side ----

    public Optional<ReturnIn> lastMerged(Tx tx, String officerKeyId) {
        return tx.dsl().selectFrom(FIELD_RETURN_IN).where(FIELD_RETURN_IN.OFFICER_KEY_ID.eq(officerKeyId))
                .orderBy(FIELD_RETURN_IN.SEQUENCE.desc()).limit(1).fetchOptional(FieldVisitRepository::in);
    }

    public List<ReturnIn> merged(Tx tx) {
        return tx.dsl().selectFrom(FIELD_RETURN_IN).orderBy(FIELD_RETURN_IN.MERGED_AT.desc())
                .fetch(FieldVisitRepository::in);
    }

    public void insertReturnIn(Tx tx, ReturnIn r) {
        tx.dsl().insertInto(FIELD_RETURN_IN).set(FIELD_RETURN_IN.RETURN_ID, r.returnId())
                .set(FIELD_RETURN_IN.PACKAGE_ID, r.packageId()).set(FIELD_RETURN_IN.OFFICER_KEY_ID, r.officerKeyId())
                .set(FIELD_RETURN_IN.OFFICER_NAME, r.officerName()).set(FIELD_RETURN_IN.SEQUENCE, r.sequence())
                .set(FIELD_RETURN_IN.STATEMENT_SHA256, r.statementSha256()).set(FIELD_RETURN_IN.APPLIED, r.applied())
                .set(FIELD_RETURN_IN.UNCHANGED, r.unchanged()).set(FIELD_RETURN_IN.CONFLICTS, r.conflicts())
                .set(FIELD_RETURN_IN.MERGED_AT, r.mergedAt()).set(FIELD_RETURN_IN.MERGED_BY, r.mergedBy()).execute();
    }

    private static ReturnIn in(id.lindungdesa.persistence.jooq.tables.records.FieldReturnInRecord r) {
        return new ReturnIn(r.getReturnId(), r.getPackageId(), r.getOfficerKeyId(), r.getOfficerName(),
                r.getSequence(), r.getStatementSha256(), r.getApplied(), r.getUnchanged(), r.getConflicts(),
                r.getMergedAt(), r.getMergedBy());
    }

    public void insertApplied(Tx tx, UUID returnId, String officerKeyId, String officerName, String entity,
                              UUID recordId, String field, String value, OffsetDateTime at) {
        tx.dsl().insertInto(FIELD_APPLIED).set(FIELD_APPLIED.RETURN_ID, returnId)
                .set(FIELD_APPLIED.OFFICER_KEY_ID, officerKeyId).set(FIELD_APPLIED.OFFICER_NAME, officerName)
                .set(FIELD_APPLIED.ENTITY, entity).set(FIELD_APPLIED.RECORD_ID, recordId).set(FIELD_APPLIED.FIELD, field)
                .set(FIELD_APPLIED.NEW_VALUE, value).set(FIELD_APPLIED.APPLIED_AT, at).execute();
    }

    /** The officers whose merged returns set this field (newest first), other than {@code exceptKey}. */
    public List<String> appliedBy(Tx tx, String entity, UUID recordId, String field, String exceptKey) {
        return tx.dsl().selectDistinct(FIELD_APPLIED.OFFICER_NAME).from(FIELD_APPLIED)
                .where(FIELD_APPLIED.ENTITY.eq(entity)).and(FIELD_APPLIED.RECORD_ID.eq(recordId))
                .and(FIELD_APPLIED.FIELD.eq(field)).and(FIELD_APPLIED.OFFICER_KEY_ID.ne(exceptKey))
                .fetch(FIELD_APPLIED.OFFICER_NAME);
    }

    public void setPackageState(Tx tx, UUID packageId, String state) {
        tx.dsl().update(FIELD_PACKAGE).set(FIELD_PACKAGE.STATE, state).where(FIELD_PACKAGE.PACKAGE_ID.eq(packageId))
                .execute();
    }

    public void insertConflict(Tx tx, Conflict c) {
        tx.dsl().insertInto(FIELD_CONFLICT).set(FIELD_CONFLICT.ID, c.id()).set(FIELD_CONFLICT.RETURN_ID, c.returnId())
                .set(FIELD_CONFLICT.PACKAGE_ID, c.packageId()).set(FIELD_CONFLICT.OFFICER_KEY_ID, c.officerKeyId())
                .set(FIELD_CONFLICT.OFFICER_NAME, c.officerName()).set(FIELD_CONFLICT.ENTITY, c.entity())
                .set(FIELD_CONFLICT.RECORD_ID, c.recordId()).set(FIELD_CONFLICT.FIELD, c.field())
                .set(FIELD_CONFLICT.BASE_VALUE, c.baseValue()).set(FIELD_CONFLICT.DISTRICT_VALUE, c.districtValue())
                .set(FIELD_CONFLICT.OFFICER_VALUE, c.officerValue()).set(FIELD_CONFLICT.STATE, c.state())
                .set(FIELD_CONFLICT.CREATED_AT, c.createdAt()).execute();
    }

    public List<Conflict> openConflicts(Tx tx) {
        return tx.dsl().selectFrom(FIELD_CONFLICT).where(FIELD_CONFLICT.STATE.eq("OPEN"))
                .orderBy(FIELD_CONFLICT.CREATED_AT, FIELD_CONFLICT.ENTITY, FIELD_CONFLICT.RECORD_ID,
                        FIELD_CONFLICT.FIELD).fetch(FieldVisitRepository::conflict);
    }

    public Optional<Conflict> conflict(Tx tx, UUID id) {
        return tx.dsl().selectFrom(FIELD_CONFLICT).where(FIELD_CONFLICT.ID.eq(id))
                .fetchOptional(FieldVisitRepository::conflict);
    }

    /** The open conflicts on one field of one record (another officer's return may have made one). */
    public List<Conflict> openOn(Tx tx, String entity, UUID recordId, String field) {
        return tx.dsl().selectFrom(FIELD_CONFLICT).where(FIELD_CONFLICT.STATE.eq("OPEN"))
                .and(FIELD_CONFLICT.ENTITY.eq(entity)).and(FIELD_CONFLICT.RECORD_ID.eq(recordId))
                .and(FIELD_CONFLICT.FIELD.eq(field)).fetch(FieldVisitRepository::conflict);
    }

    public void resolve(Tx tx, UUID id, String resolution, String value, String by, OffsetDateTime at) {
        tx.dsl().update(FIELD_CONFLICT).set(FIELD_CONFLICT.STATE, "RESOLVED")
                .set(FIELD_CONFLICT.RESOLUTION, resolution).set(FIELD_CONFLICT.RESOLVED_VALUE, value)
                .set(FIELD_CONFLICT.RESOLVED_BY, by).set(FIELD_CONFLICT.RESOLVED_AT, at)
                .where(FIELD_CONFLICT.ID.eq(id)).execute();
    }

    /** Record ids per entity of one package (the scope a return may touch). */
    public Map<String, Map<UUID, Integer>> packageRecords(Tx tx, UUID packageId) {
        var t = id.lindungdesa.persistence.jooq.Tables.FIELD_PACKAGE_RECORD;
        Map<String, Map<UUID, Integer>> out = new HashMap<>();
        tx.dsl().select(t.ENTITY, t.RECORD_ID, org.jooq.impl.DSL.coalesce(t.MERGED_VERSION, t.VERSION)).from(t)
                .where(t.PACKAGE_ID.eq(packageId))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        return out;
    }

    /**
     * The officer's own merged change moved a record the district had left alone to {@code version}: later returns
     * of this package compare against it (the issued version stays recorded).
     */
    public void advanceBase(Tx tx, UUID packageId, String entity, UUID recordId, int version) {
        var t = id.lindungdesa.persistence.jooq.Tables.FIELD_PACKAGE_RECORD;
        tx.dsl().update(t).set(t.MERGED_VERSION, version).where(t.PACKAGE_ID.eq(packageId))
                .and(t.ENTITY.eq(entity)).and(t.RECORD_ID.eq(recordId)).execute();
    }

    private static Conflict conflict(id.lindungdesa.persistence.jooq.tables.records.FieldConflictRecord r) {
        return new Conflict(r.getId(), r.getReturnId(), r.getPackageId(), r.getOfficerKeyId(), r.getOfficerName(),
                r.getEntity(), r.getRecordId(), r.getField(), r.getBaseValue(), r.getDistrictValue(),
                r.getOfficerValue(), r.getState(), r.getResolution(), r.getResolvedValue(), r.getResolvedBy(),
                r.getResolvedAt(), r.getCreatedAt());
    }
}
