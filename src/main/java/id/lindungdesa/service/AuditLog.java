package id.lindungdesa.service;

import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.persistence.AuditRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.Tx;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Records who changed what, before and after, in the same transaction as the change. */
public final class AuditLog {
    private final Database db;
    private final AuditRepository repo;
    private final Clock clock;
    private final Supplier<String> actor;

    public AuditLog(Database db, AuditRepository repo, Clock clock, Supplier<String> actor) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.actor = actor;
    }

    public void record(Tx tx, String action, String entityType, UUID entityId, String villageCode, UUID personId,
                       String summary, Object before, Object after) {
        repo.append(tx, OffsetDateTime.now(clock), actor.get(), action, entityType,
                entityId == null ? null : entityId.toString(), villageCode, personId, summary, Json.write(before),
                Json.write(after));
    }

    public void recordText(Tx tx, String action, String entityType, String entityId, String villageCode,
                           String summary) {
        repo.append(tx, OffsetDateTime.now(clock), actor.get(), action, entityType, entityId, villageCode, null,
                summary, null, null);
    }

    /** The clerk recorded as the author of changes. */
    public String actor() {
        return actor.get();
    }

    public List<AuditEntry> forPerson(UUID personId) {
        return db.read(tx -> repo.forPerson(tx, personId, 500));
    }

    public List<AuditEntry> forVillage(String villageCode) {
        return db.read(tx -> repo.forVillage(tx, villageCode, 500));
    }

    public List<AuditRepository.Break> verify() {
        return db.read(repo::verify);
    }

    public long count() {
        return db.read(repo::count);
    }
}
