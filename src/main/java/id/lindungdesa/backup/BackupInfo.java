package id.lindungdesa.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * What is known of one backup file, from its sidecar ({@code <file>.json}): when and why it was made, by which
 * version, for which office, the row count of every table and a content hash (both taken from the live database
 * while the backup was written), the file's SHA-256, and whether restoring it into a scratch database gave the same
 * counts and hash.
 */
public record BackupInfo(String file, String createdAt, String reason, String appVersion, String schemaVersion,
                         String officeName, String officeCode, Map<String, Long> counts, String contentHash,
                         String sha256, long sizeBytes, String keyId, boolean verified, String verifiedAt) {

    public Path path(Path folder) {
        return folder.resolve(file);
    }

    public boolean encrypted() {
        return keyId != null;
    }

    /** Rows of a table (upper-case H2 name, e.g. "PERSON"); 0 when absent. */
    public long count(String table) {
        return counts == null ? 0 : counts.getOrDefault(table, 0L);
    }

    BackupInfo verifiedAt(String when) {
        return new BackupInfo(file, createdAt, reason, appVersion, schemaVersion, officeName, officeCode, counts,
                contentHash, sha256, sizeBytes, keyId, true, when);
    }
}
