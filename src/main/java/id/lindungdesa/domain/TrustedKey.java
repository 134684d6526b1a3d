package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Another office's public key that this office trusts (enrolled after comparing the fingerprint words, or announced
 * by one of that office's trusted keys in a key rotation).
 *
 * @param revokedSince the time from which the key is treated as compromised (null: since it was enrolled); keys it
 *                     announced after this time are revoked with it
 * @param revokedVia   the announcing key whose revocation revoked this one (null: revoked directly)
 * @param pendingSince set when an announced key waits for a person to confirm it ({@code trust confirm})
 * @param confirmedAt  when a person confirmed the key's words (lifts pending and chain revocation)
 */
public record TrustedKey(String keyId, String algorithm, String publicKey, String fingerprint, String officeCode,
                         String officeName, OfficeLevel officeLevel, OffsetDateTime addedAt, String addedBy,
                         String introducedByKey, UUID introducedByBundle, OffsetDateTime revokedAt,
                         String revokedReason, OffsetDateTime revokedSince, String revokedVia,
                         OffsetDateTime pendingSince, OffsetDateTime confirmedAt) {

    public TrustedKey(String keyId, String algorithm, String publicKey, String fingerprint, String officeCode,
                      String officeName, OfficeLevel officeLevel, OffsetDateTime addedAt, String addedBy,
                      String introducedByKey, UUID introducedByBundle, OffsetDateTime revokedAt,
                      String revokedReason) {
        this(keyId, algorithm, publicKey, fingerprint, officeCode, officeName, officeLevel, addedAt, addedBy,
                introducedByKey, introducedByBundle, revokedAt, revokedReason, null, null, null, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Announced and not yet confirmed by a person: not used to verify anything. */
    public boolean pending() {
        return pendingSince != null && confirmedAt == null && revokedAt == null;
    }

    /** The moment from which this key's signatures and announcements are no longer believed. */
    public OffsetDateTime compromisedSince() {
        return revokedSince != null ? revokedSince : addedAt;
    }

    /** The same key, seen as revoked (for a key whose announcer was revoked before the cascade existed). */
    public TrustedKey asRevoked(OffsetDateTime at, String reason, String via) {
        return new TrustedKey(keyId, algorithm, publicKey, fingerprint, officeCode, officeName, officeLevel, addedAt,
                addedBy, introducedByKey, introducedByBundle, at, reason, revokedSince, via, pendingSince,
                confirmedAt);
    }
}
