package id.lindungdesa.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * A backup restored into a new database file beside the live one, migrated to this version, not yet swapped in.
 * Shown to the user (office, date, counts) before {@link BackupService#commitRestore} swaps it in.
 */
public record RestoreCandidate(Path candidateBase, Path backupFile, String backupCreatedAt, String officeName,
                               String officeCode, String schemaVersionInBackup, Map<String, Long> counts,
                               String filePassword) {
    public long people() { return counts.getOrDefault("PERSON", 0L); }

    public long posts() { return counts.getOrDefault("POST", 0L); }

    public long enrolments() { return counts.getOrDefault("ENROLMENT", 0L); }

    public long auditEntries() { return counts.getOrDefault("AUDIT_ENTRY", 0L); }

    @Override
    public String toString() {
        return "RestoreCandidate[" + backupFile + "]";
    }
}
