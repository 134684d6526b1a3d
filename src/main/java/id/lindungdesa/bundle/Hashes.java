package id.lindungdesa.bundle;

import id.lindungdesa.persistence.FileHashes;
import java.security.MessageDigest;

/** SHA-256 helpers (lower-case hex) for the bundle code: thin names over {@link FileHashes}, the one helper. */
public final class Hashes {
    private Hashes() {}

    public static MessageDigest sha256() {
        return FileHashes.sha256();
    }

    public static String sha256Hex(byte[] data) {
        return FileHashes.sha256(data);
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String hex(byte[] data) {
        return FileHashes.hex(data);
    }
}
