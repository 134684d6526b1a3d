package id.lindungdesa.bundle;

import java.util.Base64;

/** Test helper: a fresh X25519 public key (raw, base64). */
public final class EncryptionKeysTestAccess {
    private EncryptionKeysTestAccess() {}

    public static String otherPublicKey() {
        return Base64.getEncoder().encodeToString(Hpke.generate()[0]);
    }
}
