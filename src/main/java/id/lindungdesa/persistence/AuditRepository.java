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
 * The append-only audit trail. Each entry's MAC covers its content and the previous entry's MAC, so editing or
 * removing an entry breaks the chain ({@link #verify}). There is no update or delete method, on purpose.
 * Since issue 12.2 the chain is keyed: HMAC-SHA256 under a key kept outside the database ({@link #useKey}); the
 * entries of an upgraded trail up to {@code legacyUntil} keep their plain SHA-256 hashes (decision 0111).
 */
public final class AuditRepository {
    public static final String GENESIS = "0".repeat(64);

    /** The chain key: its id, secret, and the last entry hashed without a key (0: none). */
    public record ChainKey(String keyId, byte[] secret, long legacyUntil) {
    }

    /** The chain's head: the number of the last entry and its MAC (or hash). */
    public record Head(long count, String mac) {
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /** The audit_chain row: which key, and where the legacy (unkeyed) part ends. */
    public record ChainRow(String keyId, long legacyUntil, String legacyHead, OffsetDateTime createdAt) {
    }

    private volatile ChainKey key;

    /** Keys the chain: entries after {@code legacyUntil} are HMAC-SHA256 under {@code secret}. */
    public void useKey(ChainKey k) {
        this.key = k;
    }

    public ChainKey key() {
        return key;
    }

    /** Appends an entry and returns it. Must run inside a write transaction (writes are serialised). */
    public AuditEntry append(Tx tx, OffsetDateTime at, String actor, String action, String entityType,
                             String entityId, String villageCode, UUID personId, String summary, String beforeJson,
                             String afterJson) {
        return append(tx, at, actor, null, null, action, entityType, entityId, villageCode, personId, summary,
                beforeJson, afterJson);
    }

    /**
     * Appends an entry naming the signed-in user ({@code actorLogin}, null when nobody is signed in) and the office
     * ({@code actorOffice}); both are covered by the MAC when present (issue 17).
     */
    public AuditEntry append(Tx tx, OffsetDateTime at, String actor, String actorLogin, String actorOffice,
                             String action, String entityType, String entityId, String villageCode, UUID personId,
                             String summary, String beforeJson, String afterJson) {
        // on a server another desk may append at the same moment: one at a time, each after the other's head
        RowLocks.lock(tx, RowLocks.AUDIT_CHAIN);
        Record last = tx.dsl().select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 1 : last.get(AUDIT_ENTRY.SEQ) + 1;
        String prev = last == null ? GENESIS : last.get(AUDIT_ENTRY.HASH);
        AuditEntry e = new AuditEntry(seq, at.withNano((at.getNano() / 1000) * 1000), actor, action, entityType,
                entityId, villageCode, personId, summary, beforeJson, afterJson, prev, null, actorLogin, actorOffice);
        String hash = mac(e);
        tx.dsl().insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq).set(AUDIT_ENTRY.AT_TIME, e.at()).set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, action).set(AUDIT_ENTRY.ENTITY_TYPE, entityType)
                .set(AUDIT_ENTRY.ENTITY_ID, entityId).set(AUDIT_ENTRY.VILLAGE_CODE, villageCode)
                .set(AUDIT_ENTRY.PERSON_ID, personId).set(AUDIT_ENTRY.SUMMARY, summary)
                .set(AUDIT_ENTRY.BEFORE_JSON, beforeJson).set(AUDIT_ENTRY.AFTER_JSON, afterJson)
                .set(AUDIT_ENTRY.PREV_HASH, prev).set(AUDIT_ENTRY.HASH, hash)
                .set(AUDIT_ENTRY.ACTOR_LOGIN, actorLogin).set(AUDIT_ENTRY.ACTOR_OFFICE, actorOffice)
                .execute();
        return new AuditEntry(seq, e.at(), actor, action, entityType, entityId, villageCode, personId, summary,
                beforeJson, afterJson, prev, hash, actorLogin, actorOffice);
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

    /** A break in the chain: the entry whose stored MAC or link does not match, when it was written, and what. */
    public record Break(long seq, OffsetDateTime at, String reason) {
        public Break(long seq, String reason) {
            this(seq, null, reason);
        }
    }

    /** The last entry's number and MAC. */
    public Head head(Tx tx) {
        Record last = tx.dsl().select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        return last == null ? Head.EMPTY : new Head(last.get(AUDIT_ENTRY.SEQ), last.get(AUDIT_ENTRY.HASH));
    }

    public java.util.Optional<AuditEntry> entry(Tx tx, long seq) {
        return tx.dsl().selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.eq(seq)).fetchOptional(AuditRepository::map);
    }

    public java.util.Optional<ChainRow> chainRow(Tx tx) {
        return tx.dsl().resultQuery("SELECT key_id, legacy_until, legacy_head, created_at FROM audit_chain "
                + "ORDER BY created_at DESC LIMIT 1").fetchOptional(r -> new ChainRow(r.get(0, String.class),
                r.get(1, Long.class), r.get(2, String.class), r.get(3, OffsetDateTime.class)));
    }

    public void insertChainRow(Tx tx, ChainRow row) {
        tx.dsl().execute("INSERT INTO audit_chain (key_id, legacy_until, legacy_head, created_at) VALUES (?, ?, ?, ?)",
                row.keyId(), row.legacyUntil(), row.legacyHead(), row.createdAt());
    }

    /** The audit heads stated in the bundles this office sent (anchors given to the province). */
    public List<Head> exportedHeads(Tx tx) {
        return tx.dsl().resultQuery("SELECT audit_count, audit_head FROM bundle_export WHERE audit_count IS NOT NULL "
                + "ORDER BY audit_count").fetch(r -> new Head(r.get(0, Long.class), r.get(1, String.class)));
    }

    /** Walks the whole chain in order, streaming; reports every break (the first one first). */
    public List<Break> verify(Tx tx) {
        List<Break> breaks = new java.util.ArrayList<>();
        String[] prev = {GENESIS};
        long[] expectedSeq = {1};
        Consumer<AuditEntry> check = e -> {
            if (e.seq() != expectedSeq[0]) {
                breaks.add(new Break(e.seq(), e.at(), e.seq() > expectedSeq[0]
                        ? id.lindungdesa.i18n.Messages.tr("audit.break.missing", e.seq())
                        : id.lindungdesa.i18n.Messages.tr("audit.break.outOfOrder")));
            }
            if (!e.prevHash().equals(prev[0])) {
                breaks.add(new Break(e.seq(), e.at(), id.lindungdesa.i18n.Messages.tr("audit.break.link")));
            }
            if (!mac(e).equals(e.hash())) {
                breaks.add(new Break(e.seq(), e.at(), id.lindungdesa.i18n.Messages.tr(keyed(e.seq())
                        ? "audit.break.contentKeyed" : "audit.break.content")));
            }
            prev[0] = e.hash();
            expectedSeq[0] = e.seq() + 1;
        };
        try (var cursor = tx.dsl().selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(500).fetchLazy()) {
            for (var r : cursor) check.accept(map(r));
        }
        return breaks;
    }

    /** Streams the entries of the given entity types in order (the data-against-trail check). */
    public void forEachOfTypes(Tx tx, java.util.Collection<String> types, Consumer<AuditEntry> out) {
        try (var cursor = tx.dsl().selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ENTITY_TYPE.in(types))
                .orderBy(AUDIT_ENTRY.SEQ).fetchSize(500).fetchLazy()) {
            for (var r : cursor) out.accept(map(r));
        }
    }

    private List<AuditEntry> list(Tx tx, Condition c, int limit) {
        return tx.dsl().selectFrom(AUDIT_ENTRY).where(c).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(AuditRepository::map);
    }

    static AuditEntry map(Record rec) {
        var r = rec.into(AUDIT_ENTRY);
        return new AuditEntry(r.getSeq(), r.getAtTime(), r.getActor(), r.getAction(), r.getEntityType(),
                r.getEntityId(), r.getVillageCode(), r.getPersonId(), r.getSummary(), r.getBeforeJson(),
                r.getAfterJson(), r.getPrevHash(), r.getHash(), r.getActorLogin(), r.getActorOffice());
    }

    private boolean keyed(long seq) {
        ChainKey k = key;
        return k != null && seq > k.legacyUntil();
    }

    /** The entry's MAC: HMAC-SHA256 under the chain key, or plain SHA-256 for legacy entries (and with no key). */
    String mac(AuditEntry e) {
        ChainKey k = key;
        if (k == null || e.seq() <= k.legacyUntil()) return hash(e);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(k.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(e).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String canonical(AuditEntry e) {
        return String.join("\u001f", String.valueOf(e.seq()), e.at().toInstant().toString(), e.actor(),
                e.action(), e.entityType(), String.valueOf(e.entityId()), String.valueOf(e.villageCode()),
                String.valueOf(e.personId()), String.valueOf(e.summary()), String.valueOf(e.beforeJson()),
                String.valueOf(e.afterJson()), e.prevHash()) + personPart(e);
    }

    /** Issue 17: the signed-in user's login and the office, only in entries that carry a login. */
    private static String personPart(AuditEntry e) {
        return e.actorLogin() == null ? "" : "\u001f" + e.actorLogin() + "\u001f" + e.actorOffice();
    }

    static String hash(AuditEntry e) {
        String canonical = String.join("\u001f", String.valueOf(e.seq()), e.at().toInstant().toString(), e.actor(),
                e.action(), e.entityType(), String.valueOf(e.entityId()), String.valueOf(e.villageCode()),
                String.valueOf(e.personId()), String.valueOf(e.summary()), String.valueOf(e.beforeJson()),
                String.valueOf(e.afterJson()), e.prevHash()) + personPart(e);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
