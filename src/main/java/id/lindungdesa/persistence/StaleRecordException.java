package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.AUDIT_ENTRY;

import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Text;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The record was changed by someone else since it was read (version mismatch). When the change is in the audit
 * trail, the message names who made it and when (issue 16: two desks on one server database).
 */
public final class StaleRecordException extends RuntimeException implements Localized {
    private final transient Text text;
    private final String changedBy;
    private final OffsetDateTime changedAt;

    public StaleRecordException(String type, UUID id, int expectedVersion) {
        this(Text.of("database.error.stale", type, id, expectedVersion), null, null);
    }

    /** Looks up, in the same transaction, the last audited change of {@code id}: who and when. */
    public StaleRecordException(Tx tx, String type, UUID id, int expectedVersion) {
        this(type, id, expectedVersion, lastChange(tx, id));
    }

    private StaleRecordException(String type, UUID id, int expectedVersion, org.jooq.Record last) {
        this(last == null ? Text.of("database.error.stale", type, id, expectedVersion)
                        : Text.of("database.error.staleBy", type, id, expectedVersion, who(last),
                                last.get(AUDIT_ENTRY.AT_TIME)), // shown by i18n.Formats.dateTime
                last == null ? null : who(last), last == null ? null : last.get(AUDIT_ENTRY.AT_TIME));
    }

    private StaleRecordException(Text text, String changedBy, OffsetDateTime changedAt) {
        super(text.toString());
        this.text = text;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    private static org.jooq.Record lastChange(Tx tx, UUID id) {
        if (tx == null || id == null) return null;
        try {
            return tx.dsl().select(AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTOR_LOGIN, AUDIT_ENTRY.AT_TIME).from(AUDIT_ENTRY)
                    .where(AUDIT_ENTRY.ENTITY_ID.eq(id.toString())).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1)
                    .fetchOne();
        } catch (RuntimeException e) {
            return null; // the refusal itself matters more than naming who
        }
    }

    private static String who(org.jooq.Record r) {
        String login = r.get(AUDIT_ENTRY.ACTOR_LOGIN);
        return r.get(AUDIT_ENTRY.ACTOR) + (login == null ? "" : " (" + login + ")");
    }

    /** Who made the change that made this edit stale (null when not audited). */
    public String changedBy() {
        return changedBy;
    }

    /** When that change was made (null when not audited). */
    public OffsetDateTime changedAt() {
        return changedAt;
    }

    @Override
    public Text text() {
        return text;
    }
}
