package id.lindungdesa.bundle;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * HPKE (RFC 9180) in base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, from BouncyCastle
 * (decision 0150). Keys are raw 32-byte X25519 keys. Nothing here is home-made: this class only names the suite.
 */
public final class Hpke {
    public static final String SUITE = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM";
    public static final String ALGORITHM = "X25519";

    private Hpke() {}

    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    /** A new key pair: {public, private}, raw bytes. */
    public static byte[][] generate() {
        HPKE h = suite();
        AsymmetricCipherKeyPair kp = h.generatePrivateKey();
        return new byte[][] {h.serializePublicKey(kp.getPublic()), h.serializePrivateKey(kp.getPrivate())};
    }

    /** The sealed message: the encapsulated key and the ciphertext. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
    }

    public static Sealed seal(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext) {
        HPKE h = suite();
        try {
            byte[][] r = h.seal(h.deserializePublicKey(recipientPublic), info, aad, plaintext, null, null, null);
            return new Sealed(r[1], r[0]);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new BundleException(BundleException.Reason.MALFORMED, e, "bundle.error.publicKey");
        }
    }

    /** Opens a sealed message; null when it was not sealed to this key (or was changed). */
    public static byte[] open(byte[] recipientPublic, byte[] recipientPrivate, byte[] enc, byte[] info, byte[] aad,
                              byte[] ciphertext) {
        HPKE h = suite();
        try {
            AsymmetricCipherKeyPair kp = h.deserializePrivateKey(recipientPrivate, recipientPublic);
            return h.open(enc, kp, info, aad, ciphertext, null, null, null);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return null;
        }
    }

    /** Key id of a raw X25519 public key: the first 8 bytes of its SHA-256, hex. */
    public static String keyId(byte[] rawPublic) {
        return Hashes.hex(Arrays.copyOf(Hashes.sha256().digest(rawPublic), 8));
    }
}
