package id.lindungdesa.domain;

import java.time.OffsetDateTime;

/**
 * One of this office's signing keys. The private key is stored only encrypted under a passphrase.
 * ACTIVE signs; RETIRING also signs and announces its successor until the province confirms; RETIRED no longer signs.
 */
public record OfficeKey(String keyId, String algorithm, String publicKey, String encryptedPrivate, String fingerprint,
                        Status status, OffsetDateTime createdAt, OffsetDateTime retiredAt) {
    /** Stored by name: never rename, only add. */
    public enum Status { ACTIVE, RETIRING, RETIRED }
}
