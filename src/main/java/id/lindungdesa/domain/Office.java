package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The office this database belongs to (one per database). */
public record Office(UUID id, OfficeLevel level, String regionCode, String name, String clerkName,
                     OffsetDateTime createdAt) {
}
