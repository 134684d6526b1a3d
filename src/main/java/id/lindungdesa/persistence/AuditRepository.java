package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.AUDIT_ENTRY;

import id.lindungdesa.domain.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * The append-only audit trail. Each entry's hash covers its content and the previous entry's hash, so editing or
 * removing an entry breaks the chain ({@link #verify}). There is no update or delete method, on purpose.
 */
public final class AuditRepository {
    public static final String GENESIS = "0".repeat(64);

    /** Appends an entry and returns it. Must run inside a write transaction (writes are serialised). */
    public AuditEntry append(Tx tx, OffsetDateTime at, String actor, String action, String entityType,
                             String entityId, String villageCode, UUID personId, String summary, String beforeJson,
                             String afterJson) {
        Record last = tx.dsl().select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 1 : last.get(AUDIT_ENTRY.SEQ) + 1;
        String prev = last == null ? GENESIS : last.get(AUDIT_ENTRY.HASH);
        AuditEntry e = new AuditEntry(seq, at.withNano((at.getNano() / 1000) * 1000), actor, action, entityType,
                entityId, villageCode, personId, summary, beforeJson, afterJson, prev, null);
        String hash = hash(e);
        tx.dsl().insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq).set(AUDIT_ENTRY.AT_TIME, e.at()).set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, action).set(AUDIT_ENTRY.ENTITY_TYPE, entityType)
                .set(AUDIT_ENTRY.ENTITY_ID, entityId).set(AUDIT_ENTRY.VILLAGE_CODE, villageCode)
                .set(AUDIT_ENTRY.PERSON_ID, personId).set(AUDIT_ENTRY.SUMMARY, summary)
                .set(AUDIT_ENTRY.BEFORE_JSON, beforeJson).set(AUDIT_ENTRY.AFTER_JSON, afterJson)
                .set(AUDIT_ENTRY.PREV_HASH, prev).set(AUDIT_ENTRY.HASH, hash)
                .execute();
        return new AuditEntry(seq, e.at(), actor, action, entityType, entityId, villageCode, personId, summary,
                beforeJson, afterJson, prev, hash);
    }

    public List<AuditEntry> forPerson(Tx tx, UUID personId, int limit) {
        return list(tx, AUDIT_ENTRY.PERSON_ID.eq(personId), limit);
    }

    public List<AuditEntry> forVillage(Tx tx, String villageCode, int limit) {
        return list(tx, AUDIT_ENTRY.VILLAGE_CODE.eq(villageCode), limit);
    }

    public List<AuditEntry> forEntity(Tx tx, String entityId, int limit) {
        return list(tx, AUDIT_ENTRY.ENTITY_ID.eq(entityId), limit);
    }

    public long count(Tx tx) {
        return tx.dsl().fetchCount(AUDIT_ENTRY);
    }

    /** A break in the chain: the entry whose stored hash or link does not match. */
    public record Break(long seq, id.lindungdesa.i18n.Text reason) {
    }

    /** Walks the whole chain in order, streaming; reports every break. */
    public List<Break> verify(Tx tx) {
        List<Break> breaks = new java.util.ArrayList<>();
        String[] prev = {GENESIS};
        long[] expectedSeq = {1};
        Consumer<AuditEntry> check = e -> {
            if (e.seq() != expectedSeq[0]) breaks.add(new Break(e.seq(), id.lindungdesa.i18n.Text.of("audit.break.missing", e.seq())));
            if (!e.prevHash().equals(prev[0])) breaks.add(new Break(e.seq(), id.lindungdesa.i18n.Text.of("audit.break.link")));
            if (!hash(e).equals(e.hash())) breaks.add(new Break(e.seq(), id.lindungdesa.i18n.Text.of("audit.break.content")));
            prev[0] = e.hash();
            expectedSeq[0] = e.seq() + 1;
        };
        try (var cursor = tx.dsl().selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(500).fetchLazy()) {
            for (var r : cursor) check.accept(map(r));
        }
        return breaks;
    }

    private List<AuditEntry> list(Tx tx, Condition c, int limit) {
        return tx.dsl().selectFrom(AUDIT_ENTRY).where(c).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(AuditRepository::map);
    }

    static AuditEntry map(Record rec) {
        var r = rec.into(AUDIT_ENTRY);
        return new AuditEntry(r.getSeq(), r.getAtTime(), r.getActor(), r.getAction(), r.getEntityType(),
                r.getEntityId(), r.getVillageCode(), r.getPersonId(), r.getSummary(), r.getBeforeJson(),
                r.getAfterJson(), r.getPrevHash(), r.getHash());
    }

    static String hash(AuditEntry e) {
        String canonical = String.join("\u001f", String.valueOf(e.seq()), e.at().toInstant().toString(), e.actor(),
                e.action(), e.entityType(), String.valueOf(e.entityId()), String.valueOf(e.villageCode()),
                String.valueOf(e.personId()), String.valueOf(e.summary()), String.valueOf(e.beforeJson()),
                String.valueOf(e.afterJson()), e.prevHash());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
