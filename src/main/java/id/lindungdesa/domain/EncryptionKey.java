package id.lindungdesa.domain;

import java.time.OffsetDateTime;

/**
 * An office's X25519 encryption key (issue 15, decision 0150): field packages and returns are sealed to it with HPKE.
 * It is signed by the office's Ed25519 signing key {@code signingKeyId}. {@code encryptedPrivate} is null for another
 * office's key held in the trust registry.
 */
public record EncryptionKey(String keyId, String signingKeyId, String algorithm, String publicKey,
                            String encryptedPrivate, String signature, OffsetDateTime createdAt) {
}
