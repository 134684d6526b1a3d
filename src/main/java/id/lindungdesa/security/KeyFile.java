package id.lindungdesa.security;

import id.lindungdesa.persistence.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key file beside an encrypted database ({@code <db>.key.json}). It holds the database's random 256-bit file
 * key twice: wrapped (AES-GCM) with a key derived from the user's passphrase (PBKDF2-HMAC-SHA256), and wrapped with
 * a key derived from a printed recovery code. The file key itself is never stored in the clear.
 */
public final class KeyFile {
    public static final String SUFFIX = ".key.json";
    static final int PASS_ITERATIONS = 210_000;
    static final int RECOVERY_ITERATIONS = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = id.lindungdesa.persistence.JsonMappers.MAPPER;
    /** Crockford base32: no I, L, O, U, so a code read aloud or retyped is not mistaken. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** What is stored (all binary fields base64). */
    public record Data(int version, String keyId, String kdf, int passIterations, String passSalt, String passNonce,
                       String passWrapped, int recoveryIterations, String recoverySalt, String recoveryNonce,
                       String recoveryWrapped, String created) {
    }

    /** The passphrase (or recovery code) does not open this key file. */
    public static final class WrongPassphraseException extends id.lindungdesa.i18n.LocalizedException {
        public WrongPassphraseException(String key) {
            super(key);
        }
    }

    /** A new key: the file key and the recovery code to print (shown once, never stored). */
    public record Created(FileKey key, String recoveryCode) {
    }

    private KeyFile() {}

    public static Path pathFor(Path dbBase) {
        return Path.of(dbBase + SUFFIX);
    }

    public static boolean exists(Path dbBase) {
        return Files.isRegularFile(pathFor(dbBase));
    }

    /** Makes a new random file key protected by {@code passphrase} and a new recovery code; writes the key file. */
    public static Created create(Path dbBase, char[] passphrase) {
        return createAt(pathFor(dbBase), passphrase);
    }

    /** As {@link #create}, writing the key file at {@code keyFile}. */
    public static Created createAt(Path keyFile, char[] passphrase) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        FileKey fk = new FileKey(key);
        String code = newRecoveryCode();
        write(keyFile, wrap(fk, passphrase, code.toCharArray()));
        return new Created(fk, code);
    }

    /** Writes a key file for an existing key (new passphrase and new recovery code). */
    public static String rewrap(Path keyFile, FileKey key, char[] passphrase) {
        String code = newRecoveryCode();
        write(keyFile, wrap(key, passphrase, code.toCharArray()));
        return code;
    }

    public static FileKey unlock(Path dbBase, char[] passphrase) {
        return unlockFile(pathFor(dbBase), passphrase);
    }

    /** Opens a key file (beside a database or a backup) with the passphrase. */
    public static FileKey unlockFile(Path keyFile, char[] passphrase) {
        Data d = read(keyFile);
        try {
            byte[] kek = derive(passphrase, b64(d.passSalt()), d.passIterations());
            return new FileKey(unwrap(kek, b64(d.passNonce()), b64(d.passWrapped()), d.keyId()));
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException("security.error.wrongPassphrase");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the key file with the printed recovery code instead of the passphrase. */
    public static FileKey recover(Path keyFile, String recoveryCode) {
        Data d = read(keyFile);
        try {
            byte[] kek = derive(normaliseCode(recoveryCode).toCharArray(), b64(d.recoverySalt()),
                    d.recoveryIterations());
            return new FileKey(unwrap(kek, b64(d.recoveryNonce()), b64(d.recoveryWrapped()), d.keyId()));
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException("security.error.wrongCode");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String keyId(Path keyFile) {
        return read(keyFile).keyId();
    }

    /** Upper case, no spaces or dashes; O→0, I/L→1 (as a person might retype it). */
    static String normaliseCode(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    static String newRecoveryCode() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder();
        int bits = 0;
        int value = 0;
        for (byte x : b) {
            value = (value << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((value >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < sb.length(); i++) {
            if (i > 0 && i % 4 == 0) grouped.append('-');
            grouped.append(sb.charAt(i));
        }
        return grouped.toString();
    }

    private static Data wrap(FileKey key, char[] passphrase, char[] code) {
        try {
            byte[] passSalt = random(16);
            byte[] passNonce = random(12);
            byte[] recSalt = random(16);
            byte[] recNonce = random(12);
            byte[] passWrapped = seal(derive(passphrase, passSalt, PASS_ITERATIONS), passNonce, key.bytes(), key.id());
            byte[] recWrapped = seal(derive(normaliseCode(new String(code)).toCharArray(), recSalt,
                    RECOVERY_ITERATIONS), recNonce, key.bytes(), key.id());
            Base64.Encoder e = Base64.getEncoder();
            return new Data(1, key.id(), "PBKDF2WithHmacSHA256/AES-256-GCM", PASS_ITERATIONS, e.encodeToString(passSalt),
                    e.encodeToString(passNonce), e.encodeToString(passWrapped), RECOVERY_ITERATIONS,
                    e.encodeToString(recSalt), e.encodeToString(recNonce), e.encodeToString(recWrapped),
                    OffsetDateTime.now().withNano(0).toString());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] seal(byte[] kek, byte[] nonce, byte[] plain, String keyId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(("lindungdesa-file-key:" + keyId).getBytes(StandardCharsets.UTF_8));
        return c.doFinal(plain);
    }

    private static byte[] unwrap(byte[] kek, byte[] nonce, byte[] sealed, String keyId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(("lindungdesa-file-key:" + keyId).getBytes(StandardCharsets.UTF_8));
        byte[] key = c.doFinal(sealed);
        if (!new FileKey(key).id().equals(keyId)) throw new AEADBadTagException("key id mismatch");
        return key;
    }

    static Data read(Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new id.lindungdesa.i18n.LocalizedException("security.error.keyMissing", keyFile);
        }
        try {
            return JSON.readValue(Files.readString(keyFile, StandardCharsets.UTF_8), Data.class);
        } catch (IOException | RuntimeException e) {
            throw new id.lindungdesa.i18n.LocalizedException(id.lindungdesa.i18n.Text.of("security.error.keyUnreadable", keyFile), e);
        }
    }

    /** Writes durably and owner-only ({@link DurableFiles}) so a crash never leaves half a key file. */
    private static void write(Path target, Data d) {
        try {
            DurableFiles.writeString(target, DurableFiles.Access.OWNER_ONLY,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    /** The random file key of a database. {@link #h2Password()} is what H2 gets as the file password. */
    public record FileKey(byte[] bytes) {
        public String id() {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(bytes);
                return HexFormat.of().formatHex(h, 0, 8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String h2Password() {
            return HexFormat.of().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FileKey k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "FileKey[" + id() + "]";
        }
    }
}
