package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.OFFICE_ENC_KEY;
import static id.lindungdesa.persistence.jooq.Tables.TRUSTED_ENC_KEY;

import id.lindungdesa.domain.EncryptionKey;
import java.util.Optional;

/** This office's X25519 encryption keys and those of trusted offices (issue 15). */
public final class EncryptionKeyRepository {

    public void insertOwn(Tx tx, EncryptionKey k) {
        tx.dsl().insertInto(OFFICE_ENC_KEY)
                .set(OFFICE_ENC_KEY.KEY_ID, k.keyId()).set(OFFICE_ENC_KEY.SIGNING_KEY_ID, k.signingKeyId())
                .set(OFFICE_ENC_KEY.ALGORITHM, k.algorithm()).set(OFFICE_ENC_KEY.PUBLIC_KEY, k.publicKey())
                .set(OFFICE_ENC_KEY.ENCRYPTED_PRIVATE, k.encryptedPrivate())
                .set(OFFICE_ENC_KEY.SIGNATURE, k.signature()).set(OFFICE_ENC_KEY.CREATED_AT, k.createdAt())
                .execute();
    }

    /** The encryption key signed by {@code signingKeyId} (newest first when several). */
    public Optional<EncryptionKey> ownFor(Tx tx, String signingKeyId) {
        return tx.dsl().selectFrom(OFFICE_ENC_KEY).where(OFFICE_ENC_KEY.SIGNING_KEY_ID.eq(signingKeyId))
                .orderBy(OFFICE_ENC_KEY.CREATED_AT.desc()).limit(1)
                .fetchOptional(r -> new EncryptionKey(r.getKeyId(), r.getSigningKeyId(), r.getAlgorithm(),
                        r.getPublicKey(), r.getEncryptedPrivate(), r.getSignature(), r.getCreatedAt()));
    }

    /** All of this office's encryption keys (an old package may be sealed to an older one). */
    public java.util.List<EncryptionKey> ownAll(Tx tx) {
        return tx.dsl().selectFrom(OFFICE_ENC_KEY).orderBy(OFFICE_ENC_KEY.CREATED_AT.desc())
                .fetch(r -> new EncryptionKey(r.getKeyId(), r.getSigningKeyId(), r.getAlgorithm(),
                        r.getPublicKey(), r.getEncryptedPrivate(), r.getSignature(), r.getCreatedAt()));
    }

    public void insertTrusted(Tx tx, EncryptionKey k) {
        tx.dsl().insertInto(TRUSTED_ENC_KEY)
                .set(TRUSTED_ENC_KEY.SIGNING_KEY_ID, k.signingKeyId()).set(TRUSTED_ENC_KEY.KEY_ID, k.keyId())
                .set(TRUSTED_ENC_KEY.ALGORITHM, k.algorithm()).set(TRUSTED_ENC_KEY.PUBLIC_KEY, k.publicKey())
                .set(TRUSTED_ENC_KEY.SIGNATURE, k.signature()).set(TRUSTED_ENC_KEY.ADDED_AT, k.createdAt())
                .execute();
    }

    public Optional<EncryptionKey> trustedFor(Tx tx, String signingKeyId) {
        return tx.dsl().selectFrom(TRUSTED_ENC_KEY).where(TRUSTED_ENC_KEY.SIGNING_KEY_ID.eq(signingKeyId))
                .fetchOptional(r -> new EncryptionKey(r.getKeyId(), r.getSigningKeyId(), r.getAlgorithm(),
                        r.getPublicKey(), null, r.getSignature(), r.getAddedAt()));
    }
}
