package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What undo and redo of a roster change need beyond the repositories (issue 13): the version of a record whether
 * tombstoned or not, and taking a tombstone back. Entities are "person", "post" and "enrolment".
 */
public final class UndoRepository {

    private record T(Table<?> table, Field<UUID> id, Field<Integer> version, Field<OffsetDateTime> deletedAt,
                     Field<String> deletedReason, Field<OffsetDateTime> updatedAt) {
    }

    private static T of(String entity) {
        return switch (entity) {
            case "person" -> new T(PERSON, PERSON.ID, PERSON.VERSION, PERSON.DELETED_AT, PERSON.DELETED_REASON,
                    PERSON.UPDATED_AT);
            case "post" -> new T(POST, POST.ID, POST.VERSION, POST.DELETED_AT, POST.DELETED_REASON, POST.UPDATED_AT);
            case "enrolment" -> new T(ENROLMENT, ENROLMENT.ID, ENROLMENT.VERSION, ENROLMENT.DELETED_AT,
                    ENROLMENT.DELETED_REASON, ENROLMENT.UPDATED_AT);
            default -> throw new IllegalArgumentException(entity);
        };
    }

    /** The stored version of the record, tombstoned or not; -1 when there is none. */
    public int version(Tx tx, String entity, UUID id) {
        T t = of(entity);
        Integer v = tx.dsl().select(t.version()).from(t.table()).where(t.id().eq(id)).fetchOne(t.version());
        return v == null ? -1 : v;
    }

    /** True when the record is tombstoned. */
    public boolean tombstoned(Tx tx, String entity, UUID id) {
        T t = of(entity);
        return tx.dsl().fetchExists(DSL.selectOne().from(t.table()).where(t.id().eq(id).and(t.deletedAt().isNotNull())));
    }

    /** Tombstones the record (a new version), with a reason. */
    public void tombstone(Tx tx, String entity, UUID id, String reason, OffsetDateTime now) {
        T t = of(entity);
        int n = tx.dsl().update(t.table()).set(t.version(), t.version().plus(1)).set(t.deletedAt(), now)
                .set(t.deletedReason(), reason).set(t.updatedAt(), now).where(t.id().eq(id)).execute();
        if (n != 1) throw new StaleRecordException(entity, id, -1);
    }

    /** Takes the tombstone back (a new version). */
    public void untombstone(Tx tx, String entity, UUID id, OffsetDateTime now) {
        T t = of(entity);
        int n = tx.dsl().update(t.table()).set(t.version(), t.version().plus(1))
                .set(t.deletedAt(), (OffsetDateTime) null).set(t.deletedReason(), (String) null)
                .set(t.updatedAt(), now).where(t.id().eq(id)).execute();
        if (n != 1) throw new StaleRecordException(entity, id, -1);
    }
}
