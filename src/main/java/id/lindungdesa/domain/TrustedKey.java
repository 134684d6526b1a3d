package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Another office's public key that this office trusts (enrolled after comparing the fingerprint words). */
public record TrustedKey(String keyId, String algorithm, String publicKey, String fingerprint, String officeCode,
                         String officeName, OfficeLevel officeLevel, OffsetDateTime addedAt, String addedBy,
                         String introducedByKey, UUID introducedByBundle, OffsetDateTime revokedAt,
                         String revokedReason) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
