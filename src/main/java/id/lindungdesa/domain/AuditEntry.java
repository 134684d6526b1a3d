package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the append-only, hash-chained audit trail. */
public record AuditEntry(long seq, OffsetDateTime at, String actor, String action, String entityType,
                         String entityId, String villageCode, UUID personId, String summary, String beforeJson,
                         String afterJson, String prevHash, String hash) {
}
