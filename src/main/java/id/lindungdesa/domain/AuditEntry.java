package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the append-only, hash-chained audit trail. {@code actor} is the person's name; since issue 17 also
 * their login and the office's region code ({@code null} in entries written before users existed).
 */
public record AuditEntry(long seq, OffsetDateTime at, String actor, String action, String entityType,
                         String entityId, String villageCode, UUID personId, String summary, String beforeJson,
                         String afterJson, String prevHash, String hash, String actorLogin, String actorOffice) {

    public AuditEntry(long seq, OffsetDateTime at, String actor, String action, String entityType, String entityId,
                      String villageCode, UUID personId, String summary, String beforeJson, String afterJson,
                      String prevHash, String hash) {
        this(seq, at, actor, action, entityType, entityId, villageCode, personId, summary, beforeJson, afterJson,
                prevHash, hash, null, null);
    }

    /** "Budi Santoso (budi)" when the login is known, else the recorded name. */
    public String actorLabel() {
        return actorLogin == null ? actor : actor + " (" + actorLogin + ")";
    }
}
