package id.lindungdesa.bundle;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A removed record: type ("person", "post", "enrolment"), id, last version, when and why. */
public record Tombstone(String type, UUID id, int version, OffsetDateTime deletedAt, String reason) {
    public static final java.util.Set<String> TYPES = java.util.Set.of("person", "post", "enrolment");
}
