package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Ed25519 from the JDK, and the passphrase protection of a private key: PKCS#8 bytes encrypted with AES-256-GCM
 * under a key derived by PBKDF2-HMAC-SHA256 (random 16-byte salt, iterations stored with the key, the key id as
 * associated data).
 */
public final class KeyCrypto {
    public static final String ALGORITHM = "Ed25519";
    /** Default PBKDF2 iterations (OWASP 2023 guidance for PBKDF2-HMAC-SHA256 is 600,000; see decision 0022). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyCrypto() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the public key's X.509 encoding. */
    public static byte[] fingerprint(PublicKey key) {
        return Hashes.sha256().digest(key.getEncoded());
    }

    /** Key id: the first 8 bytes of the fingerprint in hex (16 characters); the same bits as the words. */
    public static String keyId(PublicKey key) {
        return Hashes.hex(Arrays.copyOf(fingerprint(key), 8));
    }

    public static String words(PublicKey key) {
        return FingerprintWords.of(fingerprint(key));
    }

    public static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BundleException(BundleException.Reason.MALFORMED, e, "bundle.error.publicKey");
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Iterations for new keys: {@code lindungdesa.kdf.iterations} (tests lower it) or the default. */
    public static int iterations() {
        return Integer.getInteger("lindungdesa.kdf.iterations", DEFAULT_ITERATIONS);
    }

    /** Encrypts a private key; returns the JSON stored in office_key.encrypted_private. */
    public static String encryptPrivate(PrivateKey key, char[] passphrase, String keyId, int iterations) {
        try {
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, iterations), new GCMParameterSpec(128, iv));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(key.getEncoded());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kdf", "PBKDF2-HMAC-SHA256");
            m.put("iterations", iterations);
            m.put("salt", Base64.getEncoder().encodeToString(salt));
            m.put("cipher", "AES-256-GCM");
            m.put("iv", Base64.getEncoder().encodeToString(iv));
            m.put("ciphertext", Base64.getEncoder().encodeToString(ct));
            return JsonMappers.MAPPER.writeValueAsString(m);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encrypts raw secret bytes (an X25519 private key, issue 15) exactly as {@link #encryptPrivate}: PBKDF2 +
     * AES-256-GCM with {@code keyId} as associated data.
     */
    public static String encryptSecret(byte[] secret, char[] passphrase, String keyId, int iterations) {
        PrivateKey raw = new PrivateKey() {
            @Override
            public String getAlgorithm() { return "RAW"; }

            @Override
            public String getFormat() { return "RAW"; }

            @Override
            public byte[] getEncoded() { return secret.clone(); }
        };
        return encryptPrivate(raw, passphrase, keyId, iterations);
    }

    /** Decrypts what {@link #encryptSecret} stored; a wrong passphrase gives {@code WRONG_PASSPHRASE}. */
    public static byte[] decryptSecret(String stored, char[] passphrase, String keyId) {
        JsonNode n = JsonMappers.MAPPER.readTree(stored);
        try {
            byte[] salt = Base64.getDecoder().decode(n.get("salt").stringValue());
            byte[] iv = Base64.getDecoder().decode(n.get("iv").stringValue());
            byte[] ct = Base64.getDecoder().decode(n.get("ciphertext").stringValue());
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, n.get("iterations").intValue()),
                    new GCMParameterSpec(128, iv));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(ct);
        } catch (AEADBadTagException e) {
            throw new BundleException(BundleException.Reason.WRONG_PASSPHRASE, e, "bundle.error.passphrase");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts a stored private key; a wrong passphrase gives {@code WRONG_PASSPHRASE}. */
    public static PrivateKey decryptPrivate(String stored, char[] passphrase, String keyId) {
        JsonNode n = JsonMappers.MAPPER.readTree(stored);
        try {
            byte[] salt = Base64.getDecoder().decode(n.get("salt").stringValue());
            byte[] iv = Base64.getDecoder().decode(n.get("iv").stringValue());
            byte[] ct = Base64.getDecoder().decode(n.get("ciphertext").stringValue());
            int iterations = n.get("iterations").intValue();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, iterations), new GCMParameterSpec(128, iv));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = c.doFinal(ct);
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (AEADBadTagException e) {
            throw new BundleException(BundleException.Reason.WRONG_PASSPHRASE, e, "bundle.error.passphrase");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } finally {
            spec.clearPassword();
        }
    }
}
