package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.jooq.tables.records.PostRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Posts (terms of office). */
public final class PostRepository {

    static Condition villageWithin(String prefix) {
        return codeWithin(POST.VILLAGE_CODE, prefix);
    }

    /**
     * A village code within {@code prefix}. Written as a single equality or a single LIKE so that H2 uses the index
     * (an OR of both makes it scan): a village code can only equal a village prefix, and lies below any other.
     */
    static Condition codeWithin(Field<String> field, String prefix) {
        if (prefix == null || prefix.isEmpty()) return DSL.trueCondition();
        if (prefix.chars().filter(ch -> ch == '.').count() >= 3) return field.eq(prefix);
        return field.startsWith(prefix + ".");
    }

    public void insert(Tx tx, Post p, OffsetDateTime now) {
        insertAll(tx, List.of(p), now);
    }

    public void insertAll(Tx tx, Collection<Post> posts, OffsetDateTime now) {
        if (posts.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(POST, POST.ID, POST.VERSION, POST.PERSON_ID,
                        POST.VILLAGE_CODE, POST.CATEGORY, POST.POSITION, POST.UNIT_LABEL, POST.SK_NUMBER, POST.SK_DATE,
                        POST.START_DATE, POST.PLANNED_END_DATE, POST.END_DATE, POST.END_REASON, POST.CREATED_AT,
                        POST.UPDATED_AT)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
        for (Post p : posts) {
            batch = batch.bind(p.id(), p.version(), p.personId(), p.villageCode(), p.category().name(), p.position().name(),
                    p.unitLabel(), p.skNumber(), p.skDate(), p.startDate(), p.plannedEndDate(), p.endDate(),
                    p.endReason() == null ? null : p.endReason().name(), now, now);
        }
        batch.execute();
    }

    public Post update(Tx tx, Post p, OffsetDateTime now) {
        int n = tx.dsl().update(POST)
                .set(POST.VERSION, p.version() + 1)
                .set(POST.PERSON_ID, p.personId()).set(POST.VILLAGE_CODE, p.villageCode())
                .set(POST.CATEGORY, p.category().name()).set(POST.POSITION, p.position().name())
                .set(POST.UNIT_LABEL, p.unitLabel()).set(POST.SK_NUMBER, p.skNumber()).set(POST.SK_DATE, p.skDate())
                .set(POST.START_DATE, p.startDate()).set(POST.PLANNED_END_DATE, p.plannedEndDate())
                .set(POST.END_DATE, p.endDate()).set(POST.END_REASON, p.endReason() == null ? null : p.endReason().name())
                .set(POST.UPDATED_AT, now)
                .where(POST.ID.eq(p.id()).and(POST.VERSION.eq(p.version())))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "post", p.id(), p.version());
        return find(tx, p.id()).orElseThrow();
    }

    public void tombstone(Tx tx, UUID id, int version, String reason, OffsetDateTime now) {
        int n = tx.dsl().update(POST).set(POST.VERSION, version + 1).set(POST.DELETED_AT, now)
                .set(POST.DELETED_REASON, reason).set(POST.UPDATED_AT, now)
                .where(POST.ID.eq(id).and(POST.VERSION.eq(version))).execute();
        if (n != 1) throw new StaleRecordException(tx, "post", id, version);
    }

    public Optional<Post> find(Tx tx, UUID id) {
        return tx.dsl().selectFrom(POST).where(POST.ID.eq(id).and(POST.DELETED_AT.isNull()))
                .fetchOptional(PostRepository::map);
    }

    public List<Post> byPerson(Tx tx, UUID personId) {
        return tx.dsl().selectFrom(POST).where(POST.PERSON_ID.eq(personId).and(POST.DELETED_AT.isNull()))
                .orderBy(POST.START_DATE).fetch(PostRepository::map);
    }

    /** All posts (current and ended, not tombstoned) in villages within {@code prefix}. */
    public List<Post> listWithin(Tx tx, String prefix) {
        return tx.dsl().selectFrom(POST).where(villageWithin(prefix).and(POST.DELETED_AT.isNull()))
                .fetch(PostRepository::map);
    }

    static Post map(PostRecord r) {
        return new Post(r.getId(), r.getVersion(), r.getPersonId(), r.getVillageCode(), Position.valueOf(r.getPosition()),
                r.getUnitLabel(), r.getSkNumber(), r.getSkDate(), r.getStartDate(), r.getPlannedEndDate(),
                r.getEndDate(), r.getEndReason() == null ? null : EndReason.valueOf(r.getEndReason()));
    }
}
