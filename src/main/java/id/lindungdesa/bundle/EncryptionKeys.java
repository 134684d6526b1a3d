package id.lindungdesa.bundle;

import id.lindungdesa.domain.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The office's X25519 encryption key (issue 15, decision 0150): made beside its Ed25519 signing key and signed by it
 * over PAE({@link #PAYLOAD_TYPE}, raw public key), so the signing key's fingerprint words also vouch for it.
 */
public final class EncryptionKeys {
    public static final String PAYLOAD_TYPE = "application/vnd.lindungdesa.encryption-key";

    private EncryptionKeys() {}

    /** A new encryption key, its private half encrypted under the office passphrase, signed by {@code signer}. */
    public static EncryptionKey make(String signingKeyId, PrivateKey signer, char[] passphrase, OffsetDateTime now) {
        byte[][] kp = Hpke.generate();
        String id = Hpke.keyId(kp[0]);
        byte[] sig = KeyCrypto.sign(signer, Dsse.pae(PAYLOAD_TYPE, kp[0]));
        return new EncryptionKey(id, signingKeyId, Hpke.ALGORITHM, Base64.getEncoder().encodeToString(kp[0]),
                KeyCrypto.encryptSecret(kp[1], passphrase, id, KeyCrypto.iterations()),
                Base64.getEncoder().encodeToString(sig), now);
    }

    /** True when {@code k} is signed by the Ed25519 key {@code signingPublic} (base64 X.509) and its id matches. */
    public static boolean verify(EncryptionKey k, String signingPublic) {
        if (!Hpke.ALGORITHM.equals(k.algorithm())) return false;
        byte[] raw;
        byte[] sig;
        try {
            raw = Base64.getDecoder().decode(k.publicKey());
            sig = Base64.getDecoder().decode(k.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return raw.length == 32 && Hpke.keyId(raw).equals(k.keyId())
                && KeyCrypto.verify(KeyCrypto.decodePublic(signingPublic), Dsse.pae(PAYLOAD_TYPE, raw), sig);
    }

    public static byte[] rawPublic(EncryptionKey k) {
        return Base64.getDecoder().decode(k.publicKey());
    }

    /** The private half (raw 32 bytes); a wrong passphrase gives {@code WRONG_PASSPHRASE}. */
    public static byte[] rawPrivate(EncryptionKey k, char[] passphrase) {
        return KeyCrypto.decryptSecret(k.encryptedPrivate(), passphrase, k.keyId());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
