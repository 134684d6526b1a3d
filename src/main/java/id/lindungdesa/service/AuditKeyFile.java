package id.lindungdesa.service;

import id.lindungdesa.persistence.AuditRepository.Head;
import id.lindungdesa.persistence.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code <db>.audit-key.json}: the audit chain's HMAC key and the trail's head, kept OUTSIDE the database (decision
 * 0111). Whoever can change the database through SQL cannot recompute the chain without this file, and a trail
 * that was cut short or rewritten no longer reaches the head remembered here.
 *
 * @param head     the last committed entry (count + MAC), written after every write transaction
 * @param anchored the last head given to another office (in a bundle manifest or a receipt), with what and when
 */
public record AuditKeyFile(String keyId, byte[] key, long legacyUntil, String legacyHead, OffsetDateTime createdAt,
                           Head head, OffsetDateTime headAt, Head anchored, OffsetDateTime anchoredAt,
                           String anchoredIn) {
    public static final String FORMAT = "lindungdesa-audit-key";

    public static Path pathFor(Path dbBase) {
        return Path.of(dbBase + ".audit-key.json");
    }

    /** A new random 256-bit key; entries up to {@code legacyUntil} stay plain SHA-256. */
    public static AuditKeyFile create(long legacyUntil, String legacyHead, OffsetDateTime now) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new AuditKeyFile(keyIdOf(k), k, legacyUntil, legacyHead, now, new Head(legacyUntil, legacyHead), now,
                null, null, null);
    }

    static String keyIdOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public AuditKeyFile withHead(Head h, OffsetDateTime at) {
        return new AuditKeyFile(keyId, key, legacyUntil, legacyHead, createdAt, h, at, anchored, anchoredAt,
                anchoredIn);
    }

    public AuditKeyFile withAnchor(Head h, OffsetDateTime at, String in) {
        return new AuditKeyFile(keyId, key, legacyUntil, legacyHead, createdAt, head, headAt, h, at, in);
    }

    public AuditKeyFile withLegacy(long until, String hash) {
        return new AuditKeyFile(keyId, key, until, hash, createdAt, head, headAt, anchored, anchoredAt, anchoredIn);
    }

    /** Reads the file; null when it does not exist. */
    public static AuditKeyFile read(Path file) throws IOException {
        if (!Files.exists(file)) return null;
        JsonNode n = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (!FORMAT.equals(n.path("format").asString(""))) throw new IOException(file + ": not an audit key file");
        byte[] key = Base64.getDecoder().decode(n.path("key").asString(""));
        if (key.length != 32 || !keyIdOf(key).equals(n.path("keyId").asString(""))) {
            throw new IOException(file + ": the key does not match its id");
        }
        return new AuditKeyFile(n.path("keyId").asString(), key, n.path("legacyUntil").asLong(),
                n.path("legacyHead").asString(), time(n.get("createdAt")), head(n.get("head")),
                time(n.path("head").get("at")), head(n.get("anchored")), time(n.path("anchored").get("at")),
                n.path("anchored").path("in").asString(null));
    }

    private static Head head(JsonNode n) {
        return n == null || n.isNull() ? null : new Head(n.path("count").asLong(), n.path("mac").asString());
    }

    private static OffsetDateTime time(JsonNode n) {
        return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asString());
    }

    /** Writes atomically (temporary file beside it, then a move); owner-only where the file system allows. */
    public void write(Path file) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("formatVersion", 1);
        n.put("keyId", keyId);
        n.put("algorithm", "HmacSHA256");
        n.put("key", Base64.getEncoder().encodeToString(key));
        n.put("legacyUntil", legacyUntil);
        n.put("legacyHead", legacyHead);
        n.put("createdAt", createdAt.toString());
        if (head != null) {
            ObjectNode h = n.putObject("head");
            h.put("count", head.count());
            h.put("mac", head.mac());
            h.put("at", headAt == null ? null : headAt.toString());
        }
        if (anchored != null) {
            ObjectNode h = n.putObject("anchored");
            h.put("count", anchored.count());
            h.put("mac", anchored.mac());
            h.put("at", anchoredAt == null ? null : anchoredAt.toString());
            h.put("in", anchoredIn);
        }
        // owner-only where the file system supports it; temp file, fsync, atomic move, fsync of the folder
        DurableFiles.writeString(file, DurableFiles.Access.OWNER_ONLY,
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }
}
