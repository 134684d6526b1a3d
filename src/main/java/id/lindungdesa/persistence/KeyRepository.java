package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.OFFICE_KEY;
import static id.lindungdesa.persistence.jooq.Tables.TRUSTED_KEY;

import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.jooq.tables.records.OfficeKeyRecord;
import id.lindungdesa.persistence.jooq.tables.records.TrustedKeyRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** This office's keys and the registry of other offices' trusted public keys. */
public final class KeyRepository {

    public void insert(Tx tx, OfficeKey k) {
        tx.dsl().insertInto(OFFICE_KEY)
                .set(OFFICE_KEY.KEY_ID, k.keyId()).set(OFFICE_KEY.ALGORITHM, k.algorithm())
                .set(OFFICE_KEY.PUBLIC_KEY, k.publicKey()).set(OFFICE_KEY.ENCRYPTED_PRIVATE, k.encryptedPrivate())
                .set(OFFICE_KEY.FINGERPRINT, k.fingerprint()).set(OFFICE_KEY.STATUS, k.status().name())
                .set(OFFICE_KEY.CREATED_AT, k.createdAt()).set(OFFICE_KEY.RETIRED_AT, k.retiredAt())
                .execute();
    }

    public void setStatus(Tx tx, String keyId, OfficeKey.Status status, OffsetDateTime at) {
        tx.dsl().update(OFFICE_KEY).set(OFFICE_KEY.STATUS, status.name())
                .set(OFFICE_KEY.RETIRED_AT, status == OfficeKey.Status.RETIRED ? at : null)
                .where(OFFICE_KEY.KEY_ID.eq(keyId)).execute();
    }

    /** All keys, newest first. */
    public List<OfficeKey> officeKeys(Tx tx) {
        return tx.dsl().selectFrom(OFFICE_KEY).orderBy(OFFICE_KEY.CREATED_AT.desc()).fetch(KeyRepository::map);
    }

    private static OfficeKey map(OfficeKeyRecord r) {
        return new OfficeKey(r.getKeyId(), r.getAlgorithm(), r.getPublicKey(), r.getEncryptedPrivate(),
                r.getFingerprint(), OfficeKey.Status.valueOf(r.getStatus()), r.getCreatedAt(), r.getRetiredAt());
    }

    public void insertTrusted(Tx tx, TrustedKey k) {
        tx.dsl().insertInto(TRUSTED_KEY)
                .set(TRUSTED_KEY.KEY_ID, k.keyId()).set(TRUSTED_KEY.ALGORITHM, k.algorithm())
                .set(TRUSTED_KEY.PUBLIC_KEY, k.publicKey()).set(TRUSTED_KEY.FINGERPRINT, k.fingerprint())
                .set(TRUSTED_KEY.OFFICE_CODE, k.officeCode()).set(TRUSTED_KEY.OFFICE_NAME, k.officeName())
                .set(TRUSTED_KEY.OFFICE_LEVEL, k.officeLevel().name()).set(TRUSTED_KEY.ADDED_AT, k.addedAt())
                .set(TRUSTED_KEY.ADDED_BY, k.addedBy()).set(TRUSTED_KEY.INTRODUCED_BY_KEY, k.introducedByKey())
                .set(TRUSTED_KEY.INTRODUCED_BY_BUNDLE, k.introducedByBundle())
                .set(TRUSTED_KEY.REVOKED_AT, k.revokedAt()).set(TRUSTED_KEY.REVOKED_REASON, k.revokedReason())
                .set(TRUSTED_KEY.REVOKED_SINCE, k.revokedSince()).set(TRUSTED_KEY.REVOKED_VIA, k.revokedVia())
                .set(TRUSTED_KEY.PENDING_SINCE, k.pendingSince()).set(TRUSTED_KEY.CONFIRMED_AT, k.confirmedAt())
                .execute();
    }

    public Optional<TrustedKey> trusted(Tx tx, String keyId) {
        return tx.dsl().selectFrom(TRUSTED_KEY).where(TRUSTED_KEY.KEY_ID.eq(keyId)).fetchOptional(KeyRepository::map);
    }

    public List<TrustedKey> trustedAll(Tx tx) {
        return tx.dsl().selectFrom(TRUSTED_KEY).orderBy(TRUSTED_KEY.OFFICE_CODE, TRUSTED_KEY.ADDED_AT)
                .fetch(KeyRepository::map);
    }

    public int revoke(Tx tx, String keyId, String reason, OffsetDateTime at) {
        return revoke(tx, keyId, reason, at, null, null);
    }

    /**
     * Revokes an unrevoked key: {@code since} is when it is believed compromised (null: since enrolment), {@code via}
     * the announcing key whose revocation reached it (null: revoked directly).
     */
    public int revoke(Tx tx, String keyId, String reason, OffsetDateTime at, OffsetDateTime since, String via) {
        return tx.dsl().update(TRUSTED_KEY).set(TRUSTED_KEY.REVOKED_AT, at).set(TRUSTED_KEY.REVOKED_REASON, reason)
                .set(TRUSTED_KEY.REVOKED_SINCE, since).set(TRUSTED_KEY.REVOKED_VIA, via)
                .set(TRUSTED_KEY.PENDING_SINCE, (OffsetDateTime) null)
                .where(TRUSTED_KEY.KEY_ID.eq(keyId)).and(TRUSTED_KEY.REVOKED_AT.isNull()).execute();
    }

    /** The keys {@code keyId} announced in rotations, oldest first. */
    public List<TrustedKey> announcedBy(Tx tx, String keyId) {
        return tx.dsl().selectFrom(TRUSTED_KEY).where(TRUSTED_KEY.INTRODUCED_BY_KEY.eq(keyId))
                .orderBy(TRUSTED_KEY.ADDED_AT).fetch(KeyRepository::map);
    }

    /** A person compared the words: the key is trusted (pending lifted; a revocation that came through the chain too). */
    public int confirm(Tx tx, String keyId, OffsetDateTime at, String by) {
        return tx.dsl().update(TRUSTED_KEY).set(TRUSTED_KEY.CONFIRMED_AT, at).set(TRUSTED_KEY.CONFIRMED_BY, by)
                .set(TRUSTED_KEY.PENDING_SINCE, (OffsetDateTime) null)
                .set(TRUSTED_KEY.REVOKED_AT, (OffsetDateTime) null).set(TRUSTED_KEY.REVOKED_REASON, (String) null)
                .set(TRUSTED_KEY.REVOKED_SINCE, (OffsetDateTime) null).set(TRUSTED_KEY.REVOKED_VIA, (String) null)
                .where(TRUSTED_KEY.KEY_ID.eq(keyId)).execute();
    }

    private static TrustedKey map(TrustedKeyRecord r) {
        return new TrustedKey(r.getKeyId(), r.getAlgorithm(), r.getPublicKey(), r.getFingerprint(), r.getOfficeCode(),
                r.getOfficeName(), OfficeLevel.valueOf(r.getOfficeLevel()), r.getAddedAt(), r.getAddedBy(),
                r.getIntroducedByKey(), r.getIntroducedByBundle(), r.getRevokedAt(), r.getRevokedReason(),
                r.getRevokedSince(), r.getRevokedVia(), r.getPendingSince(), r.getConfirmedAt());
    }
}
